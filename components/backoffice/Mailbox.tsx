import { Pagination } from '@/components/ui';

type Mail = { id: string; to_address: string; subject: string; text: string; created_at: Date };
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Paris' });

/** The demo mailbox: newest first, each message readable in its plain-text version. */
export function Mailbox({ rows, olderHref }: { rows: Mail[]; olderHref?: string }) {
  if (rows.length === 0) return <p>Aucun courriel pour le moment.</p>;
  return (
    <>
      <ol className="space-y-4" aria-label="Courriels, du plus récent au plus ancien">
        {rows.map((m) => (
          <li key={m.id} className="rounded-lg border border-border bg-white p-4">
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{m.subject}</span>
                <span className="block text-sm text-muted">À {m.to_address}, le {when.format(m.created_at)}</span>
              </summary>
              <pre className="mt-4 overflow-x-auto whitespace-pre-wrap break-words font-sans text-sm" tabIndex={0}>{m.text}</pre>
            </details>
          </li>
        ))}
      </ol>
      <Pagination label="Pages de la boîte de démonstration" nextHref={olderHref} />
    </>
  );
}
