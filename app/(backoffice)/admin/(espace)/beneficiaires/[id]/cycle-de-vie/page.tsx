import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LifecycleDetails } from '@/components/closure/LifecycleDetails';
import { StaffLifecycleForm } from '@/components/closure/StaffLifecycleForm';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { lifecycleSummary } from '@/lib/closure/lifecycle-summary';
import { SUSPENSION_DAYS } from '@/lib/closure/rules';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { closeWithDecisionAction, deathAction, decideHeirAction, liftAction, objectionAction, recordHeirAction, requestDeletionAction, staffCloseAction, suspendAction } from './actions';
import { HeirRequests } from '@/components/closure/HeirRequests';
import { heirRequestsOf } from '@/lib/closure/heirs';

export const metadata: Metadata = { title: 'Fermeture, suspension et décès' };

const DONE: Record<string, { title: string; text: string }> = {
  ferme: { title: 'Profil fermé', text: 'Plus personne n’y a accès ; une confirmation datée part par courriel si une adresse est connue.' },
  suspendu: { title: 'Profil suspendu', text: `La personne est prévenue par courriel. Imprimez et postez le courrier de notification : elle a ${SUSPENSION_DAYS} jours pour contester.` },
  contestation: { title: 'Contestation enregistrée', text: 'La fermeture automatique est arrêtée : levez la suspension ou fermez le profil avec une décision motivée.' },
  levee: { title: 'Suspension levée', text: 'Le profil retrouve l’état qu’il avait avant la suspension.' },
  decision: { title: 'Profil fermé après contestation', text: 'La décision motivée est enregistrée et le profil est fermé.' },
  suppression: { title: 'Suppression demandée', text: 'Les données seront effacées dans un délai de 30 jours ; une confirmation part par courriel si une adresse est connue.' },
  deces: { title: 'Décès enregistré', text: 'Le profil est fermé avec le motif « décès » ; il ne pourra pas être rouvert.' },
  'demande-ayant-droit': { title: 'Demande enregistrée', text: 'Un autre agent doit maintenant l’accorder ou la refuser.' },
  'decision-ayant-droit': { title: 'Décision enregistrée', text: 'Si l’accès est accordé, l’export peut être téléchargé et remis au demandeur.' },
};

/** BO-6: closure on request (CLO-2), suspension, objection, lift or reasoned closure (CLO-9, CLO-10), death (CLO-11). */
export default async function LifecyclePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fait?: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const { fait } = await searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const p = await lifecycleSummary(getDb(), actor, id, clock.now()).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  const open = p.state === 'CREATED' || p.state === 'ACTIVE';
  const suspended = p.state === 'SUSPENDED';
  const done = fait ? DONE[fait] : undefined;
  // CLO-11: read after the summary, whose authorization and SUPPORT trace cover this page.
  const deceased = p.state === 'CLOSED' && p.closureReason === 'DECEASED';
  const heirRequests = deceased ? await heirRequestsOf(getDb(), p.id) : [];
  const archived = p.state === 'CLOSED' && !deceased;
  return (
    <>
      <PageTitle title="Fermeture, suspension et décès" lead={`${p.name}${p.nirMasked ? ` — NIR ${p.nirMasked}` : ''}`}>
        <Link href={`/admin/beneficiaires/${p.id}`}>Revenir à la fiche du bénéficiaire</Link>
      </PageTitle>
      {done && <Alert variant="success" title={done.title}>{done.text}</Alert>}
      <LifecycleDetails p={p} />
      {suspended && (
        <p className="mt-6"><a href={`/admin/beneficiaires/${p.id}/cycle-de-vie/courrier-suspension`} download>Courrier de notification de suspension (PDF)</a></p>
      )}
      {!open && !suspended && !archived && <p className="mt-8 max-w-3xl">Aucune action de fermeture, de suspension ou de décès n’est possible pour un profil dans cet état.</p>}
      {archived && (
        <StaffLifecycleForm scope="suppression" profileId={p.id} title="Enregistrer une demande de suppression (téléphone ou courrier)"
          submitLabel="Demander la suppression des données" variant="danger" action={requestDeletionAction}
          fields={[{ kind: 'checkbox', name: 'confirmed', required: true, label: 'J’ai vérifié l’identité de la personne et sa demande de suppression' }]}>
          <p>Les données archivées du profil (historique compris) seront effacées dans un délai de 30 jours, et au plus tard sous 3 mois. Une réactivation avant cette date annule la demande.</p>
        </StaffLifecycleForm>
      )}
      {deceased && <HeirRequests profileId={p.id} requests={heirRequests} recordAction={recordHeirAction} decideAction={decideHeirAction} />}
      {suspended && !p.suspensionObjectedAt && (
        <StaffLifecycleForm scope="contestation" profileId={p.id} title="Enregistrer la contestation" submitLabel="Enregistrer la contestation" action={objectionAction}>
          <p>La personne a contesté la suspension par téléphone ou par courrier : la fermeture automatique s’arrête.</p>
        </StaffLifecycleForm>
      )}
      {suspended && (
        <>
          <StaffLifecycleForm scope="levee" profileId={p.id} title="Lever la suspension" submitLabel="Lever la suspension" action={liftAction}>
            <p>Le profil retrouve l’état qu’il avait avant la suspension.</p>
          </StaffLifecycleForm>
          <StaffLifecycleForm scope="decision" profileId={p.id} title="Fermer avec une décision motivée" submitLabel="Fermer le profil" variant="danger"
            action={closeWithDecisionAction} fields={[{ kind: 'textarea', name: 'decision', label: 'Motif de la décision',
              hint: 'Après examen de la situation. 400 caractères au plus ; le motif est conservé avec le profil.' }]}>
            <p>La suspension est levée et le profil fermé dans la même opération ; ses données sont archivées 10 ans.</p>
          </StaffLifecycleForm>
        </>
      )}
      {open && (
        <>
          <StaffLifecycleForm scope="fermeture" profileId={p.id} title="Fermer le profil (demande par téléphone ou courrier)" submitLabel="Fermer le profil"
            variant="danger" action={staffCloseAction} fields={[
              { kind: 'checkbox', name: 'deleteData', label: 'La personne demande aussi la suppression de ses données',
                hint: 'Suppression dans les 30 jours, au plus tard sous 3 mois ; une réactivation avant cette date l’annule.' },
              { kind: 'checkbox', name: 'confirmed', required: true, label: 'J’ai vérifié l’identité de la personne et sa demande de fermeture' },
            ]}>
            <p>La fermeture est immédiate : plus personne n’a accès au profil. Les données sont archivées 10 ans et la personne peut le rouvrir pendant ce temps.</p>
          </StaffLifecycleForm>
          <StaffLifecycleForm scope="suspension" profileId={p.id} title="Suspendre le profil" submitLabel="Suspendre le profil" action={suspendAction}
            fields={[{ kind: 'textarea', name: 'reason', label: 'Motif de la suspension',
              hint: 'Dysfonctionnement grave ou fraude. Le motif figure dans le courriel et le courrier envoyés à la personne.' }]}>
            <p>La personne ne peut plus se connecter ; les professionnels de santé gardent l’accès. Sans contestation sous {SUSPENSION_DAYS} jours, le profil est fermé automatiquement.</p>
          </StaffLifecycleForm>
          <StaffLifecycleForm scope="deces" profileId={p.id} title="Enregistrer le décès" submitLabel="Enregistrer le décès" variant="danger" action={deathAction}
            fields={[{ kind: 'checkbox', name: 'confirmed', required: true, label: 'J’ai vérifié le décès de la personne (acte ou avis de décès)' }]}>
            <p>Le profil est fermé avec le motif « décès », sans courriel ; il ne pourra pas être rouvert. Les ayants droit adressent leurs demandes d’accès à la caisse.</p>
          </StaffLifecycleForm>
        </>
      )}
    </>
  );
}
