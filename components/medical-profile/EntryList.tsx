import Link from 'next/link';
import { Badge } from '@/components/ui';
import { describeEntry } from '@/lib/medical-profile/describe-entry';
import { patientMayChange } from '@/lib/medical-profile/entry-rules';
import type { MedicalEntry } from '@/lib/medical-profile/entry-rows';

type Props = {
  entries: readonly MedicalEntry[];
  empty: string;
  /** Links of one entry's edit form and delete confirmation; none: read-only list (overview). */
  actions?: { editHref: (e: MedicalEntry) => string; deleteHref: (e: MedicalEntry) => string };
  /** DOC-8: the linked document's page. */
  documentHref?: (documentId: string) => string;
};

/**
 * The entries of one kind as a list: title, details, who recorded it when a professional did (PRF-2:
 * then no change is offered), the linked document, and the Modifier / Supprimer links.
 */
export function EntryList({ entries, empty, actions, documentHref }: Props) {
  if (entries.length === 0) return <p className="mb-6 text-muted">{empty}</p>;
  return (
    <ul className="mb-6 space-y-3">
      {entries.map((e) => {
        const { title, details } = describeEntry(e.kind, e.payload);
        return (
          <li key={e.id} className="rounded-md border border-border bg-white p-4">
            <p className="font-semibold">
              {title}
              {e.source === 'PS' && <> <Badge variant="info">Ajouté par un professionnel de santé</Badge></>}
            </p>
            {details.length > 0 && <p className="text-muted">{details.join(' · ')}</p>}
            {e.source === 'PS' && <p className="text-sm text-muted">Enregistré par {e.sourceLabel ?? 'un professionnel de santé'} : ne peut pas être modifié ici.</p>}
            {e.documentId && documentHref && <p><Link href={documentHref(e.documentId)}>Voir le document lié<span className="sr-only"> à « {title} »</span></Link></p>}
            {actions && patientMayChange(e) && (
              <p className="mt-2 flex flex-wrap gap-6">
                <Link href={actions.editHref(e)}>Modifier<span className="sr-only"> « {title} »</span></Link>
                <Link href={actions.deleteHref(e)}>Supprimer<span className="sr-only"> « {title} »</span></Link>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
