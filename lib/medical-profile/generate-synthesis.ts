import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { storeDocument } from '@/lib/documents/store-document';
import { ValidationError } from '@/lib/errors';
import { formatMeasure, frenchNumber } from '@/lib/measures/format';
import { measuresOverview } from '@/lib/measures/list-measures';
import { ENTERABLE_TYPES, type EnterableTypeCode } from '@/lib/measures/measure-types';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { frenchDate } from './describe-entry';
import { readMedicalProfile } from './read-profile';
import { isSectionCode } from './sections';
import { synthesisContent } from './synthesis-content';
import { renderSynthesisPdf } from './synthesis-pdf';

/**
 * PRF-6: the user ticks any sections of the profil médical; a PDF summing them up is generated and
 * filed on the profile as a Synthèse médicale (SYNTH_PML, patient-authored), masked under mask-all (VIS-3),
 * traced `medical.synthesis`. Professionals reach the other sections only through it (PRO-11).
 */
export async function generateSynthesis(db: Db, actor: Actor, input: { profileId: string; sections: readonly string[] }, now: Date): Promise<{ documentId: string }> {
  const chosen = [...new Set(input.sections)].filter(isSectionCode);
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.synthesis', now);
  if (chosen.length === 0) {
    throw new ValidationError('synthesis.no-section', 'Cochez au moins une rubrique à inclure dans la synthèse.', 'rubriques');
  }
  const data = await readMedicalProfile(db, actor, profile.id, now);
  const person = await db.selectFrom('profiles').select(['first_names', 'birth_name']).where('id', '=', profile.id).executeTakeFirstOrThrow();
  const today = parisIsoDay(now);
  const content = synthesisContent(chosen, {
    person: { name: `${person.first_names} ${person.birth_name}`, birthDate: profile.birth_date },
    requestedBy: actor.kind === 'PATIENT' ? actor.name : 'Mon espace santé',
    today,
    entries: data.entries,
    measures: chosen.includes('MEASURES') ? await latestMeasures(db, actor, profile.id, now) : [],
    directives: data.directives ? { createdOn: frenchDate(parisIsoDay(data.directives.created_at)) } : undefined,
    adminDocuments: data.adminDocuments,
    questionnaires: data.questionnaires,
  });
  const bytes = await renderSynthesisPdf(content);
  return storeDocument(db, actor, {
    profileId: profile.id, title: `Synthèse médicale du ${frenchDate(today)}`, category: 'SYNTH_PML', documentDate: today,
    // PRF-6: filed as patient-authored (the person who asked for it), so the patient side may rename or delete it (DOC-5).
    content: { bytes, mime: 'application/pdf' },
    author: actor.kind === 'PATIENT' ? { type: 'PATIENT', id: actor.accountId, label: actor.name } : { type: 'MES', id: 'mon-espace-sante', label: 'Mon espace santé' },
    traceAction: 'medical.synthesis',
  }, now);
}

/** MEA: the latest value of each measure type, and the IMC (MEA-3), as lines of the synthesis. */
async function latestMeasures(db: Db, actor: Actor, profileId: string, now: Date): Promise<string[]> {
  const { latest, bmi } = await measuresOverview(db, actor, profileId, now);
  const on = (at: Date) => `le ${frenchDate(parisIsoDay(at))}`;
  const lines = ENTERABLE_TYPES.flatMap((type) => {
    const m = latest[type.code as EnterableTypeCode];
    return m ? [`${type.label} : ${formatMeasure(type, m.value, m.value2)} (${on(m.effectiveAt)})`] : [];
  });
  if (bmi) lines.push(`IMC (calculé) : ${frenchNumber(bmi.value, 1)} (${on(bmi.effectiveAt)})`);
  return lines;
}

