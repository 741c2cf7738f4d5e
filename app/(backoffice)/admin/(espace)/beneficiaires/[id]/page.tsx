import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, Badge, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { getBeneficiarySummary } from '@/lib/accounts/beneficiary-summary';
import { STATE_LABELS_FR } from '@/lib/accounts/lifecycle';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { ProfileActionForm } from '@/components/backoffice/ProfileActionForm';
import { StaffOppositionForm } from '@/components/backoffice/StaffOppositionForm';
import { StaffRepresentatives } from '@/components/representatives/StaffRepresentatives';
import { representativesOf } from '@/lib/representatives/invitations';
import {
  grantRepresentativeAction, recordOppositionAction, reissueCodeAction, revokeRepresentativeAction, withdrawOppositionAction,
} from './actions';

export const metadata: Metadata = { title: 'Bénéficiaire' };

const CHANNEL: Record<string, string> = { WEB: 'en ligne', PHONE: 'par téléphone', LETTER: 'par courrier', EMAIL: 'par courriel', FRANCE_SERVICES: 'en France Services' };
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const NOTICE: Record<string, string> = { PENDING: 'en attente d’envoi', ENQUEUED: 'en cours d’envoi', DONE: 'envoyé', FAILED: 'en échec' };
const CAMPAIGN_NOTICE: Record<string, string> = {
  QUEUED: 'en attente d’envoi', PREPARED: 'en cours d’envoi', SENDING: 'en cours d’envoi', SENT: 'envoyé', FAILED: 'en échec',
  LETTER_QUEUED: 'courrier à imprimer', LETTER_READY: 'courrier imprimé, à déposer', LETTER_POSTED: 'courrier déposé', SKIPPED: 'non envoyé', CANCELLED: 'annulé',
};
const day = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export default async function BeneficiaryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string; ase?: string; 'acces-retire'?: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const { cree, ase, 'acces-retire': revoked } = await searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const b = await getBeneficiarySummary(getDb(), actor, id, clock.now()).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  // Read after the summary, whose authorization and SUPPORT trace cover this administrative page.
  const reps = await representativesOf(getDb(), b.id, clock.now());
  return (
    <>
      <PageTitle title={b.name} />
      {cree === '1' && <Alert variant="success" title="Profil créé">L’avis de création va être envoyé par courriel à {b.email}.</Alert>}
      {ase === '1' && (
        <Alert variant="success" title="Profil créé sans représentant légal">
          Mineur confié à l’ASE : le profil est créé, les professionnels de santé peuvent l’alimenter et le consulter ; il s’ouvrira à son titulaire à ses 18 ans.
        </Alert>
      )}
      {revoked === '1' && <Alert variant="success" title="Accès retiré">L’accès du représentant légal est retiré ; la personne en est informée, sans détail.</Alert>}
      <dl className="mt-6 grid max-w-2xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">NIR</dt><dd>{b.nirMasked}</dd>
        <dt className="font-semibold">Date de naissance</dt><dd>{day(b.birthDate)}</dd>
        <dt className="font-semibold">État du profil</dt><dd><Badge variant="info">{STATE_LABELS_FR[b.state]}</Badge></dd>
        <dt className="font-semibold">Avis de création</dt>
        <dd>{b.campaignNotice
          ? `${b.campaignNotice.channel === 'EMAIL' ? 'par courriel' : 'par courrier'}, ${CAMPAIGN_NOTICE[b.campaignNotice.status] ?? b.campaignNotice.status}${b.campaignNotice.sent_at ? ` le ${when.format(b.campaignNotice.sent_at)}` : ''} (campagne « ${b.campaignNotice.campaign} »)`
          : b.noticeStatus ? NOTICE[b.noticeStatus] : 'aucun'}</dd>
        <dt className="font-semibold">Fin de la période d’opposition</dt><dd>{b.oppositionDeadline ? day(b.oppositionDeadline) : 'fixée à l’envoi de l’avis'}</dd>
      </dl>
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <li><a href={`/admin/beneficiaires/${b.id}/etat-civil`}>État civil et doublons</a></li>
        <li><a href={`/admin/beneficiaires/${b.id}/cycle-de-vie`}>Fermeture, suspension et décès</a></li>
        <li><a href={`/admin/beneficiaires/${b.id}/aidants`}>Aidants</a></li>
      </ul>
      {(b.state === 'PENDING' || b.state === 'CREATED') && (
        <ProfileActionForm profileId={b.id} action={reissueCodeAction} label="Envoyer un nouveau code provisoire"
          hint="Au plus 3 codes par 24 heures ; le nouveau code remplace les précédents." />
      )}
      {b.state === 'OPPOSED' && (
        <ProfileActionForm profileId={b.id} action={withdrawOppositionAction} label="Retirer l’opposition"
          hint="À la demande de la personne : son profil sera créé et un nouveau code provisoire lui sera envoyé (OPP-9)." />
      )}
      {b.oppositions.length > 0 && (
        <section aria-labelledby="oppositions" className="mt-8">
          <h2 id="oppositions" className="mb-2 text-xl font-bold">Oppositions</h2>
          <ul className="list-disc pl-6">
            {b.oppositions.map((o) => (
              <li key={o.id}>
                {o.receipt_number}, {CHANNEL[o.channel]}, le {when.format(o.received_at)} —{' '}
                <a href={`/admin/oppositions/${o.id}/recepisse`} download>télécharger le récépissé {o.receipt_number} (PDF)</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* OPP-4: once created, only a letter postmarked inside the window still counts (the use case says so otherwise). */}
      {(b.state === 'PENDING' || b.state === 'CREATED') && <StaffOppositionForm profileId={b.id} action={recordOppositionAction} />}
      <StaffRepresentatives profileId={b.id} active={reps.active} ended={reps.ended} canGrant={b.state === 'CREATED' || b.state === 'ACTIVE'}
        grantAction={grantRepresentativeAction} revokeAction={revokeRepresentativeAction} />
    </>
  );
}
