import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { setMaskAll } from '@/lib/confidentiality/mask-all';
import { deleteDocuments } from '@/lib/documents/delete-documents';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { readMedicalProfile } from '@/lib/medical-profile/read-profile';
import { deleteQuestionnaire } from '@/lib/prevention-questionnaire/delete-questionnaire';
import { readQuestionnaire } from '@/lib/prevention-questionnaire/read-questionnaire';
import { saveQuestionnaire } from '@/lib/prevention-questionnaire/save-questionnaire';
import { setQuestionnaireSharing } from '@/lib/prevention-questionnaire/set-sharing';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { listPatientDocuments } from '@/lib/professional-access/patient-documents';
import { blobStore } from '@/lib/storage/blob-store';
import { extractText } from 'unpdf';
import { aHolder, aProfessional, insOf } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

/** A holder aged 47 on `now` (PRV-4 band 45–50), or born on `birthDate`. */
async function aHolderBorn(birthDate = '1979-06-15') {
  const h = await aHolder(db, now);
  await db.updateTable('profiles').set({ birth_date: birthDate }).where('id', '=', h.profileId).execute();
  return h;
}

const ANSWERS = {
  activite: 'emploi', aidant: 'oui', medecinTraitant: 'oui', tabac: 'quotidien', vapotage: 'non', alcool: '2-4-mois', alcoolOccasion: 'jamais',
  activitePhysique: 'moins-1h', ecrans: '2h-4h', fruitsLegumes: '2-4', sommeil: '6h-7h', sommeilQualite: 'plutot', tristesse: 'jamais',
  plaisir: 'plusieurs-jours', stress: 'souvent', vaccins: 'ne-sais-pas', depistages: 'non', poids: '72,5', taille: '168',
  sujets: 'Arrêter de fumer.',
};

const documentsOf = (profileId: string) => db.selectFrom('documents').select(['id', 'status', 'category', 'author_type', 'replaces_id', 'masque_ps', 'mime_type', 'title'])
  .where('profile_id', '=', profileId).orderBy('created_at').orderBy('id').execute();
const habitsOf = (profileId: string) => db.selectFrom('medical_entries').select(['id', 'payload', 'document_id', 'unique_key'])
  .where('profile_id', '=', profileId).where('kind', '=', 'LIFESTYLE').orderBy('unique_key').execute();
const measuresOf = (profileId: string) => db.selectFrom('measures').select(['id', 'type', 'value']).where('profile_id', '=', profileId).orderBy('type').execute();
const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

describe('PRV-10: saving « Mon bilan prévention »', () => {
  test('PRV-10: saving files a patient-authored QUEST_SANTE PDF, feeds the habits and measures of the profil médical, all traced', async () => {
    const h = await aHolderBorn();
    const { documentId, replaced } = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    expect(replaced).toBe(false);
    expect(await documentsOf(h.profileId)).toEqual([expect.objectContaining({ id: documentId, status: 'ACTIVE', category: 'QUEST_SANTE',
      author_type: 'PATIENT', masque_ps: false, mime_type: 'application/pdf', title: 'Mon bilan prévention – questionnaire (45 à 50 ans)' })]);
    const habits = await habitsOf(h.profileId);
    expect(habits.map((e) => e.unique_key)).toEqual(['ALCOHOL', 'FOOD', 'PHYSICAL_ACTIVITY', 'SCREEN', 'SLEEP', 'TOBACCO']);
    expect(habits.every((e) => e.document_id === documentId)).toBe(true);
    // The PDF sums up the answers in plain French.
    const stored = await db.selectFrom('documents').select(['blob_key', 'wrapped_key']).where('id', '=', documentId).executeTakeFirstOrThrow();
    const { text } = await extractText(new Uint8Array(await blobStore().getBuffer({ key: stored.blob_key!, wrappedKey: stored.wrapped_key! })), { mergePages: true });
    for (const line of ['Mon bilan prévention', 'Tranche d’âge du bilan : 45 à 50 ans.', 'Fumez-vous du tabac ?', 'Je fume tous les jours', '72,5 kg', 'Arrêter de fumer.']) {
      expect(text).toContain(line);
    }
    expect(habits.find((e) => e.unique_key === 'TOBACCO')!.payload).toEqual({ category: 'TOBACCO',
      text: 'Je fume tous les jours. Cigarette électronique : Non (Mon bilan prévention, le 29/11/2026)' });
    expect((await measuresOf(h.profileId)).map((m) => [m.type, Number(m.value)])).toEqual([['HEIGHT', 168], ['WEIGHT', 72.5]]);
    // The profil médical page shows it among the questionnaires.
    const read = await readMedicalProfile(db, h.actor, h.profileId, now);
    expect(read.questionnaires.map((q) => q.id)).toEqual([documentId]);
    expect(await tracesOf(h.profileId, 'prevention.questionnaire.save')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: documentId })]);
    expect(await tracesOf(h.profileId, 'medical.add')).toHaveLength(6);
    expect(await tracesOf(h.profileId, 'measure.add')).toHaveLength(2);
    const view = await readQuestionnaire(db, h.actor, h.profileId, now);
    expect(view).toMatchObject({ band: '45-50', mayWrite: true, current: { documentId, hidden: false, answers: expect.objectContaining({ poids: 72.5, tabac: 'quotidien' }) } });
  });

  test('PRV-10: a habit the holder had typed is updated, not duplicated, and survives the deletion of the answers', async () => {
    const h = await aHolderBorn();
    const own = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'LIFESTYLE', fields: { category: 'SLEEP', text: 'Je dors mal.' } }, now);
    const { documentId } = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    const habits = await habitsOf(h.profileId);
    expect(habits).toHaveLength(6);
    expect(habits.find((e) => e.unique_key === 'SLEEP')).toMatchObject({ id: own.entryId, document_id: null,
      payload: { category: 'SLEEP', text: expect.stringContaining('Sommeil par nuit : Entre 6 et 7 heures') } });
    await deleteQuestionnaire(db, h.actor, { profileId: h.profileId, documentId }, later(5));
    expect((await habitsOf(h.profileId)).map((e) => e.id)).toEqual([own.entryId]);
  });

  test('PRV-10, DOC-11: editing files a new version; the old one is OBSOLETE, the habits and measures are updated, not duplicated', async () => {
    const h = await aHolderBorn();
    const first = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    const habitIds = (await habitsOf(h.profileId)).map((e) => e.id);
    const second = await saveQuestionnaire(db, h.actor, { profileId: h.profileId,
      answers: { ...ANSWERS, tabac: 'arrete', vapotage: '', poids: '70', taille: '' }, hideFromProfessionals: false }, later(60));
    expect(second.replaced).toBe(true);
    expect(await documentsOf(h.profileId)).toEqual([
      expect.objectContaining({ id: first.documentId, status: 'OBSOLETE' }),
      expect.objectContaining({ id: second.documentId, status: 'ACTIVE', replaces_id: first.documentId }),
    ]);
    const habits = await habitsOf(h.profileId);
    expect(habits.map((e) => e.id)).toEqual(habitIds);
    expect(habits.every((e) => e.document_id === second.documentId)).toBe(true);
    expect(habits.find((e) => e.unique_key === 'TOBACCO')!.payload).toMatchObject({ text: 'J’ai arrêté de fumer (Mon bilan prévention, le 29/11/2026)' });
    expect((await measuresOf(h.profileId)).map((m) => [m.type, Number(m.value)])).toEqual([['WEIGHT', 70]]);
    expect(await tracesOf(h.profileId, 'prevention.questionnaire.edit')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: second.documentId })]);
    expect((await readMedicalProfile(db, h.actor, h.profileId, later(60))).questionnaires.map((q) => q.id)).toEqual([second.documentId]);
  });

  test('PRV-10: deleting the answers deletes every version, the habits it created and its measures, traced', async () => {
    const h = await aHolderBorn();
    const first = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    const second = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(1));
    expect(await deleteQuestionnaire(db, h.actor, { profileId: h.profileId, documentId: second.documentId }, later(2))).toEqual({ entries: 6 });
    expect((await documentsOf(h.profileId)).map((d) => d.status)).toEqual(['DELETED', 'DELETED']);
    expect(await habitsOf(h.profileId)).toEqual([]);
    expect(await measuresOf(h.profileId)).toEqual([]);
    expect(await readQuestionnaire(db, h.actor, h.profileId, later(2))).toEqual({ band: '45-50', mayWrite: true });
    expect((await tracesOf(h.profileId, 'prevention.questionnaire.delete')).map((t) => t.target_id).sort()).toEqual([first.documentId, second.documentId].sort());
    // Filled in again afterwards: a fresh questionnaire.
    const again = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(3));
    expect(again.replaced).toBe(false);
  });

  test('PRV-10, DOC-8: deleting the document from Documents removes its habits too; the questionnaire can be filled in again', async () => {
    const h = await aHolderBorn();
    const { documentId } = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    await deleteDocuments(db, h.actor, [documentId], later(1));
    expect(await habitsOf(h.profileId)).toEqual([]);
    expect((await readQuestionnaire(db, h.actor, h.profileId, later(1))).current).toBeUndefined();
    await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(2));
    expect(await habitsOf(h.profileId)).toHaveLength(6);
    expect(await measuresOf(h.profileId)).toHaveLength(2); // the first answers' measures were replaced, not added to
  });
});

describe('PRV-10: refusals write nothing', () => {
  test('PRV-4, PRV-10: outside the age bands the questionnaire is refused with a French message, traced', async () => {
    const h = await aHolderBorn('1985-03-21'); // 41 years old
    const error = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe('Le questionnaire « Mon bilan prévention » est proposé aux âges du bilan : 18 à 25 ans, 45 à 50 ans, 60 à 65 ans et 70 à 75 ans. '
      + 'Il n’est pas proposé à l’âge de ce profil aujourd’hui.');
    expect(await documentsOf(h.profileId)).toEqual([]);
    expect(await tracesOf(h.profileId, 'prevention.questionnaire.save')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'out-of-band' })]);
    // 25 years and 364 days is still in the 18–25 band; 26 is not (PRV-4 « 18–25 »).
    const young = await aHolderBorn('2000-11-30');
    await expect(saveQuestionnaire(db, young.actor, { profileId: young.profileId, answers: ANSWERS, hideFromProfessionals: false }, now)).resolves.toBeDefined();
    const older = await aHolderBorn('2000-11-29');
    await expect(saveQuestionnaire(db, older.actor, { profileId: older.profileId, answers: ANSWERS, hideFromProfessionals: false }, now)).rejects.toBeInstanceOf(ValidationError);
  });

  test('PRV-10: invalid answers are refused with French errors on their questions and nothing is written', async () => {
    const h = await aHolderBorn();
    const error = await saveQuestionnaire(db, h.actor, { profileId: h.profileId,
      answers: { ...ANSWERS, tabac: '', alcool: 'tous-les-soirs', poids: '1200', taille: '1,75' }, hideFromProfessionals: false }, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ fieldErrors: {
      tabac: 'Choisissez une réponse.', alcool: 'Choisissez une des réponses proposées.',
      poids: 'Le poids doit être compris entre 20 et 400 kg.', taille: 'La taille doit être comprise entre 100 et 250 cm.',
    } });
    expect(await documentsOf(h.profileId)).toEqual([]);
    expect(await habitsOf(h.profileId)).toEqual([]);
    expect(await measuresOf(h.profileId)).toEqual([]);
    expect(await db.selectFrom('prevention_questionnaires').select('id').where('profile_id', '=', h.profileId).execute()).toEqual([]);
  });

  test('PRV-10, AID-4: an aidant may not fill in the questionnaire of the aidé (refused, traced)', async () => {
    const h = await aHolderBorn();
    const aidant = await aHolder(db, now);
    const actor = { ...aidant.actor, aidedProfileIds: [h.profileId] };
    await expect(saveQuestionnaire(db, actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await documentsOf(h.profileId)).toEqual([]);
    expect(await tracesOf(h.profileId, 'prevention.questionnaire.save')).toEqual([expect.objectContaining({ outcome: 'DENIED' })]);
  });
});

describe('PRV-10, VIS-6: professionals see it unless the holder objects', () => {
  async function withDoctor() {
    const h = await aHolderBorn();
    const ins = await insOf(db, h.profileId);
    const gp = await aProfessional(db, { profession: '10' });
    await declareConsent(db, gp, { ins, patientAgreed: true }, now, 'PRO');
    const seen = async (at: Date, status?: 'all') => (await listPatientDocuments(db, gp, h.profileId, { status }, at, 'PRO')).documents.map((d) => d.id);
    return { h, seen };
  }

  test('PRV-10: shared by default: an authorised doctor sees it; once the holder stops sharing, no version is seen', async () => {
    const { h, seen } = await withDoctor();
    const first = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, now);
    expect(await seen(later(1))).toEqual([first.documentId]);
    const second = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(2));
    expect(await seen(later(3), 'all')).toEqual([second.documentId, first.documentId]);
    await setQuestionnaireSharing(db, h.actor, { profileId: h.profileId, documentId: second.documentId, hidden: true }, later(4));
    expect(await seen(later(5), 'all')).toEqual([]);
    expect((await readQuestionnaire(db, h.actor, h.profileId, later(5))).current).toMatchObject({ hidden: true });
    expect(await tracesOf(h.profileId, 'document.mask')).toHaveLength(2);
    await setQuestionnaireSharing(db, h.actor, { profileId: h.profileId, documentId: second.documentId, hidden: false }, later(6));
    expect(await seen(later(7))).toEqual([second.documentId]);
  });

  test('PRV-10: « Ne pas partager » ticked at save hides it from the doctor; older versions follow each new version’s choice', async () => {
    const { h, seen } = await withDoctor();
    const first = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: true }, now);
    expect(await seen(later(1))).toEqual([]);
    expect((await documentsOf(h.profileId))[0]).toMatchObject({ id: first.documentId, masque_ps: true });
    const second = await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(2));
    expect(await seen(later(3), 'all')).toEqual([second.documentId, first.documentId]);
    await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: true }, later(4));
    expect(await seen(later(5), 'all')).toEqual([]);
  });

  test('PRV-10, VIS-3: under mask-all the questionnaire arrives masked even when shared', async () => {
    const { h, seen } = await withDoctor();
    await setMaskAll(db, h.actor, { profileId: h.profileId, mask: true }, now);
    await saveQuestionnaire(db, h.actor, { profileId: h.profileId, answers: ANSWERS, hideFromProfessionals: false }, later(1));
    expect(await seen(later(2))).toEqual([]);
    expect((await readQuestionnaire(db, h.actor, h.profileId, later(2))).current).toMatchObject({ hidden: true, hiddenByMaskAll: true });
  });
});
