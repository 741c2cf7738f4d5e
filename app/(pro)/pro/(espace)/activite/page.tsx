import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { describeTrace } from '@/lib/audit/history';
import { modeLabel, whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { myActivity } from '@/lib/professional-access/my-activity';

export const metadata: Metadata = { title: 'Mon activité' };

/** AUD-6: the professional's own traces, across patients, newest first. */
export default async function MyActivityPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const actor = await requireAudience('pro');
  const { avant } = await searchParams;
  const { rows, older } = await myActivity(getDb(), actor, { before: avant });
  return (
    <>
      <PageTitle title="Mon activité" lead="Ce que vous avez fait dans les profils de vos patients, tel que le voient les patients dans leur historique d’activité." />
      <Table caption="Mes actions, des plus récentes aux plus anciennes" rowKey={(r) => r.id} rows={rows} empty="Aucune action pour le moment."
        columns={[
          { key: 'at', header: 'Date', cell: (r) => whenLong(r.at) },
          { key: 'patient', header: 'Patient', rowHeader: true, cell: (r) => (r.profile_id && r.first_names ? `${r.first_names} ${r.birth_name}` : '—') },
          { key: 'action', header: 'Action', cell: (r) => (r.outcome === 'OK' ? describeTrace(r) : `${describeTrace({ ...r, outcome: 'OK' })} : refusé`) },
          { key: 'mode', header: 'Mode', cell: (r) => { const label = modeLabel(r.mode); return label ? <Badge variant="warning">{label}</Badge> : r.channel === 'API' ? 'Logiciel (API)' : 'Espace professionnel'; } },
        ]} />
      {older && <p className="mt-4"><Link className="underline" href={`/pro/activite?avant=${older}`}>Actions plus anciennes</Link></p>}
    </>
  );
}
