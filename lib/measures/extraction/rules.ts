import { parisIsoDay, parisLocalToUtc } from '../paris-time';
import type { Candidate } from './candidate';

/** MEA-4: the formats values are read from (images and RTF are not). */
export const EXTRACTABLE_MIMES = new Set(['text/xml', 'application/xml', 'text/plain', 'application/pdf']);

/**
 * MEA-4: which filed documents are read. A synthèse médicale is generated from the profile's own
 * data: reading it back would only copy the values already there.
 */
export function isExtractable(doc: { mime: string; category: string }): boolean {
  return EXTRACTABLE_MIMES.has(doc.mime) && doc.category !== 'SYNTH_PML';
}

/**
 * MEA-2, MEA-4: when an extracted value was measured: its own time when the document gives one,
 * else the document's date at noon in Paris (never after the document was filed), else the time it
 * was filed. Undefined when that time is in the future or before birth: the value is skipped.
 */
export function placeInTime(c: Candidate, doc: { documentDate: string | null; createdAt: Date }, ctx: { birthDate: string; now: Date }): Date | undefined {
  const noon = doc.documentDate ? parisLocalToUtc(doc.documentDate, '12:00') : undefined;
  const at = c.effectiveAt ?? (noon && noon < doc.createdAt ? noon : doc.createdAt);
  if (at.getTime() > ctx.now.getTime() || parisIsoDay(at) < ctx.birthDate) return undefined;
  return at;
}
