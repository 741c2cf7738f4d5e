import type { Metadata } from 'next';
import { PageTitle, Table } from '@/components/ui';
import { RetryJobButton } from '@/components/backoffice/RetryJobButton';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listFailedJobs } from '@/lib/queue/failed-jobs';
import { retryJobAction } from './actions';

export const metadata: Metadata = { title: 'Tâches en échec' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const KIND: Record<string, string> = { email: 'Courriel' };

export default async function FailedJobsPage() {
  const actor = await requireAudience('staff');
  const rows = await listFailedJobs(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Tâches en échec" lead="Envois qui ont échoué après toutes leurs tentatives automatiques (avec délai croissant)." />
      <Table caption="Tâches en échec" rows={rows} rowKey={(r) => r.id} empty="Aucune tâche en échec."
        columns={[
          { key: 'id', header: 'N°', cell: (r) => r.id, rowHeader: true },
          { key: 'kind', header: 'Type', cell: (r) => `${KIND[r.kind] ?? r.kind} (${String((r.payload as { template?: string }).template ?? '')})` },
          { key: 'created', header: 'Créée le', cell: (r) => when.format(r.created_at) },
          { key: 'attempts', header: 'Tentatives', cell: (r) => r.attempts },
          { key: 'error', header: 'Dernière erreur', cell: (r) => r.last_error ?? '' },
          { key: 'retry', header: 'Action', cell: (r) => <RetryJobButton id={r.id} action={retryJobAction} /> },
        ]} />
    </>
  );
}
