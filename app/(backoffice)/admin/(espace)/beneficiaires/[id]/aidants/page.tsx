import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StaffLifecycleForm } from '@/components/closure/StaffLifecycleForm';
import { Alert, Badge, PageTitle, Table, type BadgeVariant, type TableColumn } from '@/components/ui';
import { getDb } from '@/db/client';
import type { AidantLinkStatus, AidantRevokedBy } from '@/db/schema';
import { aidantLinksForSupport, SUPPORT_LINKS_LIMIT, type AidantSide, type SupportAidantLink } from '@/lib/aidants/support-view';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { endAidantLinkAction } from './actions';

export const metadata: Metadata = { title: 'Aidants' };

const STATUS: Record<AidantLinkStatus, { label: string; variant: BadgeVariant }> = {
  PENDING: { label: 'Invitation en attente', variant: 'info' },
  ACCEPTED: { label: 'Acceptée', variant: 'success' },
  REFUSED: { label: 'Refusée', variant: 'warning' },
  EXPIRED: { label: 'Expirée', variant: 'neutral' },
  REVOKED: { label: 'Terminée', variant: 'neutral' },
};
const ENDED_BY: Record<AidantRevokedBy, string> = {
  AIDE: 'par la personne aidée',
  AIDANT: 'par l’aidant',
  SYSTEM: 'automatiquement, à la fermeture du profil de la personne aidée',
};
const REQUESTED_BY: Record<Exclude<AidantRevokedBy, 'SYSTEM'>, string> = {
  AIDE: 'par un agent, à la demande de la personne aidée',
  AIDANT: 'par un agent, à la demande de l’aidant',
};

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const day = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function access(l: SupportAidantLink): string {
  if (l.live) return 'Accès ouvert';
  if (l.status === 'ACCEPTED') return 'Accès interrompu : le profil de la personne aidée n’est pas ouvert';
  return 'Aucun accès';
}

function ending(l: SupportAidantLink): string {
  if (l.status === 'PENDING') return `Expire le ${when.format(l.expiresAt)}`;
  if (l.status === 'EXPIRED') return `Expirée le ${when.format(l.expiresAt)}`;
  if (l.status !== 'REVOKED' || !l.revokedAt || !l.revokedBy) return '—';
  const by = l.revokedByAgent && l.revokedBy !== 'SYSTEM' ? REQUESTED_BY[l.revokedBy] : ENDED_BY[l.revokedBy];
  return `Le ${when.format(l.revokedAt)}, ${by}`;
}

const columns = (otherLabel: string): TableColumn<SupportAidantLink>[] => [
  { key: 'other', header: otherLabel, rowHeader: true, cell: (l) => (
    <>
      <Link href={`/admin/beneficiaires/${l.other.profileId}`}>{l.other.name}</Link>
      <span className="block font-normal text-muted">née ou né le {day(l.other.birthDate)}</span>
    </>
  ) },
  { key: 'status', header: 'Statut', cell: (l) => (
    <>
      <Badge variant={STATUS[l.status].variant}>{STATUS[l.status].label}</Badge>
      <span className="mt-1 block">{access(l)}</span>
    </>
  ) },
  { key: 'invited', header: 'Invitation', cell: (l) => when.format(l.invitedAt) },
  { key: 'answered', header: 'Réponse', cell: (l) => (l.respondedAt ? when.format(l.respondedAt) : '—') },
  { key: 'end', header: 'Fin ou expiration', cell: ending },
];

function endTitle(l: SupportAidantLink): string {
  if (l.side === 'AIDANT') return `Mettre fin à l’aide apportée à ${l.other.name}`;
  return l.status === 'PENDING' ? `Retirer l’invitation envoyée à ${l.other.name}` : `Mettre fin à l’accès de l’aidant ${l.other.name}`;
}

const REQUESTER: Record<AidantSide, string> = { AIDE: 'La personne aidée', AIDANT: 'L’aidant' };

/** AID-1..6, BO: one beneficiary's aidant links, both ways, for the 3422 agents (no medical content); AID-6 end on request. */
export default async function AidantsSupportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const { fait } = await searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const p = await aidantLinksForSupport(getDb(), actor, id, clock.now()).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  const endable = [...p.asAide, ...p.asAidant].filter((l) => l.endable);
  return (
    <>
      <PageTitle title="Aidants" lead={`${p.name}${p.nirMasked ? ` — NIR ${p.nirMasked}` : ''}`}>
        <Link href={`/admin/beneficiaires/${p.id}`}>Revenir à la fiche du bénéficiaire</Link>
      </PageTitle>
      {fait === 'fin' && (
        <Alert variant="success" title="Lien terminé">L’aidant n’a plus accès au profil ; les deux personnes en sont prévenues.</Alert>
      )}
      <p className="mb-6 max-w-3xl">
        Liens d’aidant de cette personne, dans les deux sens, sans aucune donnée de santé. Chaque consultation de cette page figure dans son historique d’activité.
      </p>
      <section aria-labelledby="ses-aidants" className="mt-8">
        <h2 id="ses-aidants" className="mb-4 text-2xl font-bold">Ses aidants</h2>
        <Table caption={`Aidants de ${p.name} et invitations envoyées`} columns={columns('Aidant')}
          rows={p.asAide} rowKey={(l) => l.id} empty="Cette personne n’a jamais invité d’aidant." />
        {p.asAide.length === SUPPORT_LINKS_LIMIT && <p className="max-w-3xl">Seuls les {SUPPORT_LINKS_LIMIT} liens les plus récents sont affichés.</p>}
      </section>
      <section aria-labelledby="personnes-aidees" className="mt-8">
        <h2 id="personnes-aidees" className="mb-4 text-2xl font-bold">Personnes qu’elle aide</h2>
        <Table caption={`Personnes aidées par ${p.name} et invitations reçues`} columns={columns('Personne aidée')}
          rows={p.asAidant} rowKey={(l) => l.id} empty="Cette personne n’aide personne et n’a reçu aucune invitation à devenir aidant." />
        {p.asAidant.length === SUPPORT_LINKS_LIMIT && <p className="max-w-3xl">Seuls les {SUPPORT_LINKS_LIMIT} liens les plus récents sont affichés.</p>}
        {p.asAidant.some((l) => l.status === 'PENDING') && (
          <p className="max-w-3xl">Une invitation reçue se refuse depuis l’espace de la personne invitée (« Personnes que j’aide »).</p>
        )}
      </section>
      {endable.map((l) => (
        <StaffLifecycleForm key={l.id} scope={`fin-${l.id}`} profileId={p.id} hidden={{ linkId: l.id }} title={endTitle(l)}
          submitLabel={l.status === 'PENDING' ? 'Retirer l’invitation' : 'Mettre fin au lien'} variant="danger" action={endAidantLinkAction}
          fields={[{ kind: 'checkbox', name: 'confirmed', required: true,
            label: `${REQUESTER[l.side]} en a fait la demande par téléphone et j’ai vérifié son identité` }]}>
          <p>
            {l.status === 'PENDING'
              ? 'L’invitation est retirée aussitôt. '
              : 'L’aidant perd l’accès immédiatement et un justificatif daté de la fin de l’accès est ajouté aux documents de la personne aidée. '}
            Les deux personnes sont prévenues.
          </p>
        </StaffLifecycleForm>
      ))}
    </>
  );
}
