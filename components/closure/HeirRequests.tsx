import { Badge, Table } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';
import { HEIR_RELATIONS, type HeirRelation } from '@/lib/closure/heirs';
import { StaffLifecycleForm } from './StaffLifecycleForm';

type Request = {
  id: string; requester_name: string; relation: HeirRelation; proof: string; status: 'REQUESTED' | 'APPROVED' | 'REFUSED';
  requested_at: Date; requested_by_name: string; decided_by_name: string | null; decision_note: string | null;
};
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const STATUS = { REQUESTED: ['En attente du second agent', 'warning'], APPROVED: ['Accordée', 'success'], REFUSED: ['Refusée', 'neutral'] } as const;

/** CLO-11: requests of heirs, a cohabitant or a PACS partner; a second agent decides; export after approval. */
export function HeirRequests({ profileId, requests, recordAction, decideAction }: {
  profileId: string; requests: Request[];
  recordAction: (s: FormState, f: FormData) => Promise<FormState>; decideAction: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  return (
    <section aria-labelledby="ayants-droit" className="mt-10 max-w-4xl">
      <h2 id="ayants-droit" className="mb-2 text-2xl font-bold">Demandes des ayants droit</h2>
      <p className="mb-4 text-muted">Chaque demande est enregistrée par un agent et tranchée par un autre. L’export n’est possible qu’après accord.</p>
      {requests.length > 0 && (
        <Table caption="Demandes enregistrées" rows={requests} rowKey={(r) => r.id} columns={[
          { key: 'who', header: 'Demandeur', rowHeader: true, cell: (r) => `${r.requester_name} (${HEIR_RELATIONS[r.relation]})` },
          { key: 'proof', header: 'Justificatifs', cell: (r) => r.proof },
          { key: 'by', header: 'Enregistrée', cell: (r) => `le ${when.format(r.requested_at)} par ${r.requested_by_name}` },
          { key: 'status', header: 'Décision', cell: (r) => (
            <>
              <Badge variant={STATUS[r.status][1]}>{STATUS[r.status][0]}</Badge>
              {r.decided_by_name && <span> par {r.decided_by_name}{r.decision_note ? ` : ${r.decision_note}` : ''}</span>}
              {r.status === 'APPROVED' && <> — <a href={`/admin/beneficiaires/${profileId}/cycle-de-vie/ayants-droit/${r.id}`} download>télécharger l’export (PDF)</a></>}
            </>
          ) },
        ]} />
      )}
      {requests.filter((r) => r.status === 'REQUESTED').map((r) => (
        <StaffLifecycleForm key={r.id} scope={`decision-${r.id.slice(0, 8)}`} profileId={profileId} hidden={{ requestId: r.id }}
          title={`Décider de la demande de ${r.requester_name}`} submitLabel="Enregistrer la décision" action={decideAction}
          fields={[{ kind: 'radio', name: 'decision', label: 'Décision', options: [{ value: 'approve', label: 'Accorder l’accès' }, { value: 'refuse', label: 'Refuser' }] }]} />
      ))}
      <StaffLifecycleForm scope="demande-ayant-droit" profileId={profileId} title="Enregistrer une demande d’ayant droit" submitLabel="Enregistrer la demande"
        action={recordAction} fields={[
          { kind: 'text', name: 'requesterName', label: 'Nom et prénom du demandeur' },
          { kind: 'radio', name: 'relation', label: 'Lien avec la personne décédée', options: Object.entries(HEIR_RELATIONS).map(([value, label]) => ({ value, label })) },
          { kind: 'textarea', name: 'proof', label: 'Justificatifs vérifiés', hint: 'Acte de notoriété, attestation de PACS ou de concubinage…' },
        ]} />
    </section>
  );
}
