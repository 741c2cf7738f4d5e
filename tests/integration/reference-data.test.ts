import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PreventionProgramme } from '@/db/schema';
import type { PatientActor } from '@/lib/access/actor';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { createPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import { latestUnreadPreventionMessage, preventionSection } from '@/lib/prevention-campaigns/messages';
import { DEFAULT_WHY_TEXTS, publishWhyTexts, readWhyTexts, whyTextsInForce } from '@/lib/prevention-campaigns/why-texts';
import { readCalendar } from '@/lib/prevention/calendar-editions';
import { ensurePreventionCalendars } from '@/lib/prevention/calendar-store';
import type { DraftItem } from '@/lib/prevention/edition-draft';
import { publishCalendarEdition } from '@/lib/prevention/publish-edition';
import { refreshProfileItems } from '@/lib/prevention/refresh-items';
import { anActivePatient, aStaffMember } from '../factories';

const db = getDb();
beforeAll(() => ensurePreventionCalendars(db));
afterAll(() => closeDb());

// Far in the future: the editions and texts published here are never in force for the other files' clocks.
const today = new Date('2099-03-10T10:00:00Z');
const at = (day: string) => new Date(`${day}T10:00:00Z`);

const staffTrace = (staffId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_type', 'channel'])
  .where('actor_id', '=', staffId).where('action', '=', action).execute();
const itemsOf = (profileId: string) => db.selectFrom('prevention_items as i').innerJoin('prevention_calendar_items as c', 'c.id', 'i.calendar_item_id')
  .select(['c.code', 'c.label', 'c.edition', 'i.window_start', 'i.status']).where('i.profile_id', '=', profileId).orderBy('i.window_start').execute();

/** The draft a supervisor starts from: the items of the edition in force, as the form shows them. */
async function draftFromInForce(programme: PreventionProgramme, actorNow: Date): Promise<DraftItem[]> {
  const supervisor = await aStaffMember(db, 'SUPERVISOR');
  const { items } = await readCalendar(db, supervisor, programme, actorNow);
  return items.map((r) => ({ fromId: r.id, label: r.label, minMonths: r.minMonths, minDays: r.minDays, maxMonths: r.maxMonths, maxDays: r.maxDays,
    everyMonths: r.everyMonths, sex: r.sex, bornFrom: r.bornFrom, bornBefore: r.bornBefore, status: r.status, note: r.note }));
}

describe('BO-7, PRV-1: prevention calendar editions edited in the back-office', () => {
  test('BO-7, PRV-1, AGD-6: a published edition applies to windows opening from its date; earlier items keep their edition; traced', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const patient = await anActivePatient(db, today);
    // Turns 45 on 2099-01-01 (45–50 band already open) and … a second person turns 18 on 2099-06-15.
    await db.updateTable('profiles').set({ birth_date: '2054-01-01' }).where('id', '=', patient.profileId).execute();
    const young = await anActivePatient(db, today);
    await db.updateTable('profiles').set({ birth_date: '2081-06-15' }).where('id', '=', young.profileId).execute();
    await refreshProfileItems(db, patient.profileId, today);
    expect((await itemsOf(patient.profileId)).find((i) => i.code === 'BILAN_45_50')).toMatchObject({ edition: '2024', label: 'Mon bilan prévention (45-50 ans)' });

    const items = await draftFromInForce('BILAN_PREVENTION', today);
    expect(items).toHaveLength(4);
    items[0] = { ...items[0]!, label: 'Mon bilan prévention jeunes adultes (18-25 ans)' };
    const result = await publishCalendarEdition(db, supervisor, { programme: 'BILAN_PREVENTION', edition: '2099', effectiveDay: '2099-06-01', note: 'Nouveau libellé 18-25 ans', items }, today);
    expect(result).toEqual({ edition: '2099', items: 4 });

    // PRV-1: the 2024 rows end where the new edition starts.
    const calendar = await readCalendar(db, supervisor, 'BILAN_PREVENTION', today);
    expect(calendar.editions.map((e) => [e.edition, e.validFrom, e.validTo, e.state])).toEqual([
      ['2099', '2099-06-01', null, 'UPCOMING'], ['2024', '2024-01-01', '2099-06-01', 'IN_FORCE']]);
    expect(calendar.editions[0]!.publication).toMatchObject({ note: 'Nouveau libellé 18-25 ans', by: 'Agent Test' });

    // AGD-6: on the next refresh, the window opening 2099-06-15 takes the new edition; the 45–50 item keeps 2024.
    await refreshProfileItems(db, young.profileId, at('2099-06-20'));
    expect((await itemsOf(young.profileId)).filter((i) => i.code.startsWith('BILAN_'))).toEqual([expect.objectContaining({ code: 'BILAN_18_25', edition: '2099', label: 'Mon bilan prévention jeunes adultes (18-25 ans)', window_start: '2099-06-15' })]);
    await refreshProfileItems(db, patient.profileId, at('2099-06-20'));
    expect((await itemsOf(patient.profileId)).filter((i) => i.code.startsWith('BILAN_')).map((i) => [i.code, i.edition])).toEqual([['BILAN_18_25', '2024'], ['BILAN_45_50', '2024']]);

    expect(await staffTrace(supervisor.staffId, 'reference.calendar.publish')).toEqual([
      { outcome: 'OK', reason: null, target_type: 'prevention_calendar_edition', channel: 'BACKOFFICE' }]);
  });

  test('PRV-1, AGD-6: an edition effective today also takes the windows opening today (an item already generated from the replaced row is regenerated)', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const woman = await anActivePatient(db, today);
    await db.updateTable('profiles').set({ birth_date: '2049-03-10', sex: 2 }).where('id', '=', woman.profileId).execute(); // 50 today
    await refreshProfileItems(db, woman.profileId, today);
    expect((await itemsOf(woman.profileId)).filter((i) => i.code === 'BREAST')).toEqual([expect.objectContaining({ edition: '2020', window_start: '2099-03-10' })]);
    const items = (await draftFromInForce('BREAST', today)).map((it) => ({ ...it, label: 'Dépistage organisé du cancer du sein' }));
    await publishCalendarEdition(db, supervisor, { programme: 'BREAST', edition: '2099', effectiveDay: '2099-03-10', note: 'Libellé', items }, today);
    await refreshProfileItems(db, woman.profileId, today);
    expect((await itemsOf(woman.profileId)).filter((i) => i.code === 'BREAST')).toEqual([
      expect.objectContaining({ edition: '2099', label: 'Dépistage organisé du cancer du sein', window_start: '2099-03-10', status: 'TO_PLAN' })]);
  });

  test('BO-7, PRV-1: overlapping editions, a date in the past, an empty label and a reused name are refused in French; nothing stored', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const items = await draftFromInForce('MT_DENTS', today);
    await publishCalendarEdition(db, supervisor, { programme: 'MT_DENTS', edition: 'Juillet 2099', effectiveDay: '2099-07-01', note: 'Première édition', items }, today);
    const refused = (input: Partial<Parameters<typeof publishCalendarEdition>[2]>) => publishCalendarEdition(db, supervisor,
      { programme: 'MT_DENTS', edition: 'Essai', effectiveDay: '2099-08-01', note: 'Essai', items, ...input }, today).catch((e: unknown) => e as ValidationError);

    const overlap = await refused({ effectiveDay: '2099-07-01' });
    expect(overlap).toBeInstanceOf(ValidationError);
    expect(overlap).toMatchObject({ field: 'dateEffet', message: 'L’édition « Juillet 2099 » s’applique déjà à partir du 1 juillet 2099 : la nouvelle édition doit prendre effet après cette date.' });
    expect(await refused({ effectiveDay: '2099-03-09' })).toMatchObject({ field: 'dateEffet', message: 'La date d’effet ne peut pas être dans le passé.' });
    expect(await refused({ items: [{ ...items[0]!, label: '  ' }, ...items.slice(1)] })).toMatchObject({ field: 'label_0', message: 'Saisissez le libellé de l’élément 1.' });
    expect(await refused({ items: [{ ...items[0]!, maxMonths: items[0]!.minMonths }] })).toMatchObject({ field: 'max_0', message: 'Élément 1 : l’âge de fin doit être après l’âge de début.' });
    expect(await refused({ edition: 'Juillet 2099' })).toMatchObject({ field: 'edition', message: 'L’édition « Juillet 2099 » existe déjà pour ce calendrier : choisissez un autre nom.' });
    const editions = (await readCalendar(db, supervisor, 'MT_DENTS', today)).editions.map((e) => e.edition);
    expect(editions).not.toContain('Essai');
  });

  test('BO-7: an agent (not a supervisor) and a patient cannot publish an edition — refused and traced', async () => {
    const agent = await aStaffMember(db, 'AGENT');
    const items = await draftFromInForce('COLORECTAL', today);
    await expect(publishCalendarEdition(db, agent, { programme: 'COLORECTAL', edition: '2099', effectiveDay: '2099-09-01', note: 'Essai', items }, today))
      .rejects.toThrow(new AccessDeniedError('seul un superviseur peut publier une nouvelle version des données de référence (BO-7).'));
    expect(await staffTrace(agent.staffId, 'reference.calendar.publish')).toEqual([
      { outcome: 'DENIED', reason: 'supervisor-only-reference', target_type: null, channel: 'BACKOFFICE' }]);
    const patient = await anActivePatient(db, today);
    const actor: PatientActor = { kind: 'PATIENT', accountId: patient.accountId, name: 'Camille TESTEUR', ownProfileId: patient.profileId, representedProfileIds: [] };
    await expect(readCalendar(db, actor, 'COLORECTAL', today)).rejects.toThrow(AccessDeniedError);
    expect((await readCalendar(db, agent, 'COLORECTAL', today)).editions.map((e) => e.edition)).toEqual(['2020']);
  });
});

describe('BO-7, PRV-7: « Pourquoi ce message ? » texts as versioned data', () => {
  test('PRV-7: version 1 holds today’s sentences, so nothing changes for users', async () => {
    expect(await whyTextsInForce(db, new Date())).toEqual(DEFAULT_WHY_TEXTS);
  });

  test('BO-7, PRV-7: a new version changes the sentence the patient reads from its effective date; traced', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const patient = await anActivePatient(db, today);
    const actor: PatientActor = { kind: 'PATIENT', accountId: patient.accountId, name: 'Camille TESTEUR', ownProfileId: patient.profileId, representedProfileIds: [] };
    const { campaignId } = await createPreventionCampaign(db, supervisor, { name: 'Dépistage', title: 'Le dépistage vous concerne', body: 'Tous les deux ans.',
      teaser: 'Un nouveau message de prévention vous attend.', rules: { minAge: 50, maxAge: 74, sex: 2, departements: [], history: null } }, today);
    await db.insertInto('prevention_messages').values({ campaign_id: campaignId, profile_id: patient.profileId, created_at: today, read_at: null,
      criteria: JSON.stringify({ age: 50, sex: 2, departement: null, history: null }) }).execute();
    const before = await latestUnreadPreventionMessage(db, actor, patient.profileId, today);
    expect(before?.why).toEqual(['Vous avez 50 ans.', 'Vous êtes une femme.']);

    const texts = { ...DEFAULT_WHY_TEXTS, AGE: 'Vous avez {age} {ans} : c’est l’âge de ce dépistage.' };
    const { number } = await publishWhyTexts(db, supervisor, { texts, effectiveDay: '2099-03-10', note: 'Âge expliqué' }, today);
    expect(number).toBeGreaterThan(1);
    expect((await latestUnreadPreventionMessage(db, actor, patient.profileId, today))?.why).toEqual(['Vous avez 50 ans : c’est l’âge de ce dépistage.', 'Vous êtes une femme.']);
    expect((await preventionSection(db, actor, patient.profileId, today)).messages[0]!.why[0]).toBe('Vous avez 50 ans : c’est l’âge de ce dépistage.');
    // Before its effective date (the real clock of other files) the seeded sentence stays.
    expect((await latestUnreadPreventionMessage(db, actor, patient.profileId, new Date('2026-12-01T10:00:00Z')))?.why[0]).toBe('Vous avez 50 ans.');
    expect((await readWhyTexts(db, supervisor, today)).inForce?.number).toBe(number);
    expect(await staffTrace(supervisor.staffId, 'reference.why.publish')).toEqual([
      { outcome: 'OK', reason: null, target_type: 'reference_text_version', channel: 'BACKOFFICE' }]);
  });

  test('BO-7, PRV-7: an unknown placeholder, an empty text or an earlier date are refused in French; an agent cannot publish', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const refused = (input: Partial<Parameters<typeof publishWhyTexts>[2]>) => publishWhyTexts(db, supervisor,
      { texts: DEFAULT_WHY_TEXTS, effectiveDay: '2099-04-01', note: 'Essai', ...input }, today).catch((e: unknown) => e as ValidationError);
    const versions = (await readWhyTexts(db, supervisor, today)).versions.length;
    expect(await refused({ texts: { ...DEFAULT_WHY_TEXTS, AGE: 'Vous avez {age} {ans}, {prenom}.' } }))
      .toMatchObject({ field: 'AGE', message: 'Le texte « Âge » contient un champ inconnu : {prenom}. Champs possibles : {age}, {ans}.' });
    expect(await refused({ texts: { ...DEFAULT_WHY_TEXTS, SEX_MALE: 'Vous êtes un homme de {age} ans.' } }))
      .toMatchObject({ field: 'SEX_MALE', message: 'Le texte « Sexe : homme » contient un champ inconnu : {age}. Ce texte n’accepte aucun champ entre accolades.' });
    expect(await refused({ texts: { ...DEFAULT_WHY_TEXTS, NO_CRITERIA: ' ' } })).toMatchObject({ field: 'NO_CRITERIA', message: 'Saisissez le texte « Aucun critère ».' });
    expect(await refused({ effectiveDay: '2099-03-01' })).toMatchObject({ field: 'dateEffet', message: 'La date d’effet ne peut pas être dans le passé.' });
    expect((await readWhyTexts(db, supervisor, today)).versions).toHaveLength(versions);

    const agent = await aStaffMember(db, 'AGENT');
    await expect(publishWhyTexts(db, agent, { texts: DEFAULT_WHY_TEXTS, effectiveDay: '2099-04-01', note: 'Essai' }, today)).rejects.toThrow(AccessDeniedError);
    expect(await staffTrace(agent.staffId, 'reference.why.publish')).toEqual([
      { outcome: 'DENIED', reason: 'supervisor-only-reference', target_type: null, channel: 'BACKOFFICE' }]);
  });
});
