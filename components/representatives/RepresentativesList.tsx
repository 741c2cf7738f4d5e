import { ROLE_LABELS, dayFr } from './labels';

type Representative = { id: string; role: keyof typeof ROLE_LABELS; granted_at: Date; account_id: string; first_names: string; birth_name: string };

/** REP-5: who manages a child's profile now, the signed-in representative marked "vous". */
export function RepresentativesList({ representatives, selfAccountId }: { representatives: readonly Representative[]; selfAccountId: string }) {
  return (
    <ul className="space-y-2">
      {representatives.map((r) => (
        <li key={r.id} className="rounded-md border border-border bg-white p-4">
          <p className="font-semibold">
            {r.first_names.split(' ')[0]} {r.birth_name}{r.account_id === selfAccountId && ' (vous)'}
          </p>
          <p className="text-muted">{ROLE_LABELS[r.role]}, depuis le {dayFr(r.granted_at)}</p>
        </li>
      ))}
    </ul>
  );
}
