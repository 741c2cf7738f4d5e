import type { AidantLinkStatus, AidantRevokedBy } from '@/db/schema/aidants';
import { Badge } from '@/components/ui';
import { dayFr } from '@/components/representatives/labels';
import { AIDANT_STATUS, REVOKED_BY } from './labels';

type PastLink = { id: string; name: string; status: AidantLinkStatus; revokedAt: Date | null; revokedBy: AidantRevokedBy | null };

/** AID-3, AID-6: invitations and accesses that have ended, seen from either side (« Mes aidants », « Personnes que j’aide »). */
export function PastLinks({ links, id, title }: { links: readonly PastLink[]; id: string; title: string }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby={id} className="max-w-3xl">
      <h2 id={id} className="mb-4 text-2xl font-bold">{title}</h2>
      <ul className="space-y-2">
        {links.map((l) => (
          <li key={l.id}>
            {l.name} : <Badge variant={AIDANT_STATUS[l.status].variant}>{AIDANT_STATUS[l.status].label}</Badge>
            {l.status === 'REVOKED' && l.revokedAt && l.revokedBy && <span className="ml-2">le {dayFr(l.revokedAt)}, {REVOKED_BY[l.revokedBy]}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
