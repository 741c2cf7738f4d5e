import { Table } from '@/components/ui';

type Failure = { id: string; to_email: string | null; last_error: string | null; attempts: number };

/** CMP-9: the notices that failed after every attempt (first 20), with the last error the mail server gave. */
export function CampaignFailures({ failures, total }: { failures: Failure[]; total: number }) {
  return (
    <section aria-labelledby="echecs-titre" className="mb-10">
      <h2 id="echecs-titre" className="mb-2 text-2xl font-bold">Envois en échec</h2>
      {total > failures.length && <p className="mb-4">Les {failures.length} premiers sur {total} sont affichés.</p>}
      <Table caption="Envois en échec" captionHidden rows={failures} rowKey={(f) => f.id} empty="Aucun envoi en échec."
        columns={[
          { key: 'email', header: 'Adresse', rowHeader: true, cell: (f) => f.to_email ?? '—' },
          { key: 'attempts', header: 'Tentatives', align: 'right', cell: (f) => f.attempts },
          { key: 'error', header: 'Dernière erreur', cell: (f) => f.last_error ?? '' },
        ]} />
    </section>
  );
}
