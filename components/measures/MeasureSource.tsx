import Link from 'next/link';
import type { Measure } from '@/lib/measures/measure-rows';
import { SOURCE_LABELS } from './labels';
import { sourceDocumentHref } from './links';

/**
 * MEA-2, MEA-4, MEA-8: where a value comes from; a value read from a document names it, with a link to
 * it, and a value a connected service sent names the service. `own`: the reader's own profile (the
 * link then needs no `?profil=`).
 */
export function MeasureSource({ measure, own }: { measure: Pick<Measure, 'source' | 'sourceDocument' | 'sourceService'>; own?: boolean }) {
  const doc = measure.sourceDocument;
  if (measure.sourceService) return <>Transmis par {measure.sourceService.name}</>;
  if (!doc) return <>{SOURCE_LABELS[measure.source]}</>;
  return <>Extrait du document « <Link href={sourceDocumentHref(doc, own)}>{doc.title}</Link> »</>;
}
