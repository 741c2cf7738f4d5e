import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { renderEmail, type EmailMessage } from '@/emails';
import type { ProfessionalActor } from '@/lib/access/actor';
import { describeAction, modeLabel } from '@/lib/audit/history-format';
import { listHistory } from '@/lib/audit/history';
import { SAMU_REGULATION_SECTOR } from '@/lib/auth/professional-login';
import { setEmergencyToggles } from '@/lib/confidentiality/emergency-toggles';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { emergencyReport } from '@/lib/professional-access/emergency-report';
import { ensurePatient } from '@/lib/professional-access/patient-gate';
import { listProfessionalMessages, MESSAGES_PAGE_SIZE, openProfessionalMessage, sendProfessionalMessage } from '@/lib/professional-access/pro-messages';
import { startEmergencyAccess } from '@/lib/professional-access/start-emergency';
import { aHolder, anActivePatient, aPendingPerson, aProfessional as aProfessionalFactory, aStaffMember } from '../factories';
import { emailsTo } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
/** 10:15 in Paris. */
const now = new Date('2026-11-30T09:15:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const HOUR = 3600_000;
const JUSTIFICATION = 'Patient inconscient aux urgences, recherche de traitements en cours';

/** A professional as Pro Santé Connect describes them, stored like a login does (PRO-1). */
const aProfessional = (opts: { given?: string; family?: string; specialty?: string; samu?: boolean; profession?: string } = {}): Promise<ProfessionalActor> =>
  aProfessionalFactory(db, { profession: opts.profession, given: opts.given ?? 'Claire', family: opts.family ?? `Urgentiste${randomInt(1e6)}`,
    specialty: opts.specialty ?? 'SM54', ...(opts.samu ? { sector: SAMU_REGULATION_SECTOR, facilityName: 'SAMU de Paris' } : {}) });

const bris = (profileId: string, over: Partial<{ mode: 'EMERGENCY' | 'REGULATION'; reasonCode: string; justification: string }> = {}) =>
  ({ profileId, mode: 'EMERGENCY' as const, reasonCode: 'INCONSCIENCE', justification: JUSTIFICATION, ...over });
const grantsOf = (profileId: string) => db.selectFrom('emergency_accesses').selectAll().where('profile_id', '=', profileId).orderBy('started_at').execute();
const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'mode', 'target_type', 'target_id', 'channel'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
const messagesTo = (professionalId: string) => db.selectFrom('professional_messages').selectAll().where('professional_id', '=', professionalId).execute();
const emergencyEmails = async (to: string) => (await emailsTo(db, to, 'notification'))
  .filter((r) => (r.payload as { data: { kind: string } }).data.kind === 'EMERGENCY_ACCESS');

async function expectRefused(promise: Promise<unknown>, reason: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AccessDeniedError);
  expect((error as Error).message).toMatch(reason);
}

describe('EMG-2: bris de glace', () => {
  test('EMG-2, EMG-7: a 2-hour read-only grant, traced EMERGENCY on the grant; the professional reads at +1 h, not at +2 h 1 s', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional();
    await expectRefused(ensurePatient(db, doctor, patient.profileId, 'patient.open', 'patient.open', now, 'PRO'), /n’est pas autorisé/);

    const { grantId, expiresAt } = await startEmergencyAccess(db, doctor, bris(patient.profileId, { justification: `  ${JUSTIFICATION}  ` }), now, 'PRO');
    expect(expiresAt).toEqual(later(2 * HOUR));
    expect(await grantsOf(patient.profileId)).toEqual([expect.objectContaining({ id: grantId, professional_id: doctor.professionalId, mode: 'EMERGENCY',
      reason_code: 'INCONSCIENCE', justification: JUSTIFICATION, started_at: now, expires_at: later(2 * HOUR) })]);
    expect(await tracesOf(patient.profileId, 'emergency.start')).toEqual([
      { outcome: 'OK', reason: null, mode: 'EMERGENCY', target_type: 'emergency_access', target_id: grantId, channel: 'PRO' }]);

    const reading = await ensurePatient(db, doctor, patient.profileId, 'patient.open', 'patient.open', later(HOUR), 'PRO');
    expect(reading.mode).toBe('EMERGENCY');
    // EMG-2: read-only.
    await expectRefused(ensurePatient(db, doctor, patient.profileId, 'document.deposit', 'document.deposit', later(HOUR), 'PRO'), /seulement de consulter/);
    await expectRefused(ensurePatient(db, doctor, patient.profileId, 'patient.open', 'patient.open', later(2 * HOUR + 1000), 'PRO'), /n’est pas autorisé/);

    // EMG-7, AUD-4: the patient's history labels it « Accès en urgence ».
    const history = await listHistory(db, patient.actor, { profileId: patient.profileId, tab: 'professionnels' }, later(3 * HOUR));
    const start = history.rows.find((r) => r.action === 'emergency.start')!;
    expect(modeLabel(start.mode)).toBe('Accès en urgence');
    expect(history.rows.filter((r) => r.outcome === 'DENIED').map((r) => [describeAction(r), modeLabel(r.mode)]))
      .toContainEqual(['Tentative d’accès refusée', null]);
  });

  test('EMG-5, NOT-3: a second start while one runs makes a new grant, and each one is emailed, never grouped', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional();
    const first = await startEmergencyAccess(db, doctor, bris(patient.profileId), now, 'PRO');
    const second = await startEmergencyAccess(db, doctor, bris(patient.profileId, { reasonCode: 'DETRESSE_VITALE' }), later(10 * 60_000), 'PRO');
    expect(second.grantId).not.toBe(first.grantId);
    expect(await grantsOf(patient.profileId)).toHaveLength(2);
    expect(await emergencyEmails(patient.email)).toHaveLength(2);
  });

  test('EMG-2: a justification of 14 characters (after trimming) or an unknown reason is refused, tied to its field; nothing is stored', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional();
    const short = await startEmergencyAccess(db, doctor, bris(patient.profileId, { justification: '   Arrêt cardia   ' }), now, 'PRO').catch((e: unknown) => e);
    expect(short).toBeInstanceOf(ValidationError);
    expect(short).toMatchObject({ field: 'justification', message: expect.stringContaining('15 caractères au moins') });
    await expect(startEmergencyAccess(db, doctor, bris(patient.profileId, { reasonCode: 'CONFORT' }), now, 'PRO'))
      .rejects.toMatchObject({ field: 'reasonCode', message: 'Choisissez le motif de l’accès en urgence.' });
    expect(await grantsOf(patient.profileId)).toEqual([]);
    expect(await tracesOf(patient.profileId, 'emergency.start')).toEqual([]);
    expect(await emergencyEmails(patient.email)).toEqual([]);
  });

  test('an unknown profile is « introuvable », traced on the global chain', async () => {
    const doctor = await aProfessional();
    await expect(startEmergencyAccess(db, doctor, bris('00000000-0000-4000-8000-000000000000'), now, 'PRO')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('PRO-6, PRO-13, EMG-1, EMG-3: who may not start one', () => {
  test('PRO-6, EMG-4: a blocked professional is refused even in an emergency; the refusal is traced DENIED and shows as « Tentative d’accès refusée »', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional();
    await blockProfessional(db, patient.actor, { profileId: patient.profileId, professionalId: doctor.professionalId }, now);
    await expectRefused(startEmergencyAccess(db, doctor, bris(patient.profileId), now, 'PRO'), /le patient a bloqué l’accès/);
    expect(await grantsOf(patient.profileId)).toEqual([]);
    expect(await tracesOf(patient.profileId, 'emergency.start')).toEqual([
      { outcome: 'DENIED', reason: 'pro-blocked', mode: 'NORMAL', target_type: null, target_id: null, channel: 'PRO' }]);
    expect(await emergencyEmails(patient.email)).toEqual([]);
    const history = await listHistory(db, patient.actor, { profileId: patient.profileId, tab: 'professionnels' }, now);
    expect(history.rows.map((r) => describeAction(r))).toEqual(['Tentative d’accès refusée']);
  });

  test('EMG-1: toggle 2 off refuses bris de glace, while regulation (toggle 1) still works for a SAMU professional', async () => {
    const patient = await aHolder(db, now);
    await setEmergencyToggles(db, patient.actor, { profileId: patient.profileId, regulation: true, other: false, maskedVisible: false }, now);
    const doctor = await aProfessional();
    await expectRefused(startEmergencyAccess(db, doctor, bris(patient.profileId), now, 'PRO'), /n’autorise pas cet accès en urgence/);
    const samu = await aProfessional({ samu: true });
    await startEmergencyAccess(db, samu, bris(patient.profileId, { mode: 'REGULATION' }), now, 'PRO');
    expect((await grantsOf(patient.profileId)).map((g) => [g.professional_id, g.mode])).toEqual([[samu.professionalId, 'REGULATION']]);
    expect((await tracesOf(patient.profileId, 'emergency.start')).map((t) => [t.outcome, t.mode])).toEqual([['DENIED', 'NORMAL'], ['OK', 'REGULATION']]);
    expect((await ensurePatient(db, samu, patient.profileId, 'patient.open', 'patient.open', later(HOUR), 'PRO')).mode).toBe('REGULATION');
  });

  test('EMG-3: regulation mode is refused to a professional outside a SAMU regulation centre', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional();
    await expectRefused(startEmergencyAccess(db, doctor, bris(patient.profileId, { mode: 'REGULATION' }), now, 'PRO'), /centre de régulation du SAMU/);
    expect(await grantsOf(patient.profileId)).toEqual([]);
  });

  test('EMG-1: toggle 1 off refuses regulation, even to a SAMU professional', async () => {
    const patient = await aHolder(db, now);
    await setEmergencyToggles(db, patient.actor, { profileId: patient.profileId, regulation: false, other: true, maskedVisible: false }, now);
    const samu = await aProfessional({ samu: true });
    await expectRefused(startEmergencyAccess(db, samu, bris(patient.profileId, { mode: 'REGULATION' }), now, 'PRO'), /n’autorise pas cet accès en urgence/);
    expect(await grantsOf(patient.profileId)).toEqual([]);
  });

  test('PRO-13: a médecin du travail has no emergency mode', async () => {
    const patient = await aHolder(db, now);
    const occupational = await aProfessional({ specialty: 'SM23' });
    await expectRefused(startEmergencyAccess(db, occupational, bris(patient.profileId), now, 'PRO'), /médecin du travail/);
    expect((await tracesOf(patient.profileId, 'emergency.start')).map((t) => [t.outcome, t.reason])).toEqual([['DENIED', 'pro-occupational-no-emergency']]);
  });
});

describe('EMG-5: the holder and every representative are emailed at once', () => {
  test('EMG-5, NOT-2: the holder’s email names the professional, the profession, the Paris time, the mode and the justification', async () => {
    const patient = await aHolder(db, now);
    const doctor = await aProfessional({ given: 'Hélène', family: 'Urgences' });
    await startEmergencyAccess(db, doctor, bris(patient.profileId), now, 'PRO');
    const [row] = await emergencyEmails(patient.email);
    const email = await renderEmail(row!.payload as unknown as EmailMessage, {});
    for (const text of ['Hélène Urgences', 'Médecin', '30 novembre 2026 à 10:15', 'Bris de glace', JUSTIFICATION]) expect(email.text).toContain(text);
    expect(email.text).toContain('accédé à votre profil en situation d’urgence');
    // The in-app notification stays in the centre, shared by the profile's accounts (NOT-6).
    const inApp = await db.selectFrom('notifications').select(['kind', 'data']).where('profile_id', '=', patient.profileId).execute();
    expect(inApp).toEqual([{ kind: 'EMERGENCY_ACCESS', data: expect.objectContaining({ emergency: expect.objectContaining({ justification: JUSTIFICATION }) }) }]);
  });

  test('EMG-5, REP-5: for a minor, each representative gets the email with the justification', async () => {
    const child = await aPendingPerson(db, now, { firstNames: 'Lou' });
    await db.updateTable('profiles').set({ kind: 'CHILD', state: 'ACTIVE', previous_state: 'CREATED', activated_at: now }).where('id', '=', child.profileId).execute();
    const parents = [await anActivePatient(db, now), await anActivePatient(db, now)];
    for (const [i, parent] of parents.entries()) {
      await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: child.profileId, role: i === 0 ? 'PARENT_PRINCIPAL' : 'SECOND_PARENT',
        granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    }
    const samu = await aProfessional({ samu: true, given: 'Marc', family: 'Régulateur' });
    await startEmergencyAccess(db, samu, bris(child.profileId, { mode: 'REGULATION' }), now, 'PRO');
    for (const parent of parents) {
      const rows = await emergencyEmails(parent.email);
      expect(rows).toHaveLength(1);
      const email = await renderEmail(rows[0]!.payload as unknown as EmailMessage, {});
      for (const text of ['accédé au profil de Lou', 'Marc Régulateur', 'Régulation SAMU', JUSTIFICATION]) expect(email.text).toContain(text);
    }
  });
});

describe('EMG-6: the médecin traitant is told by secure message', () => {
  test('the médecin traitant declared to the fund gets it, with who, when, the mode and the justification', async () => {
    const patient = await aHolder(db, now);
    const declared = await aProfessional({ given: 'Paule', family: `Traitante${randomInt(1e6)}` });
    const named = await aProfessional({ given: 'Nina', family: `Nommee${randomInt(1e6)}` });
    await db.updateTable('profiles').set({ declared_gp_id: declared.professionalId }).where('id', '=', patient.profileId).execute();
    await addEntry(db, patient.actor, { profileId: patient.profileId, kind: 'PROFESSIONAL', fields: { role: 'MEDECIN_TRAITANT', name: `Dr ${named.name}` } }, now);
    const doctor = await aProfessional({ given: 'Hugo', family: 'Smur' });
    await startEmergencyAccess(db, doctor, bris(patient.profileId), now, 'PRO');
    expect(await messagesTo(named.professionalId)).toEqual([]);
    const [message] = await messagesTo(declared.professionalId);
    expect(message).toMatchObject({ profile_id: patient.profileId, subject: 'Accès en urgence au profil de Camille TESTEUR', read_at: null });
    for (const text of ['Hugo Smur (Médecin)', '30 novembre 2026 à 10:15', 'Bris de glace', JUSTIFICATION]) expect(message!.body).toContain(text);
  });

  test('else the MEDECIN_TRAITANT of « Mes professionnels de santé », matched on « given family » name (case, spaces and « Dr » ignored)', async () => {
    const patient = await aHolder(db, now);
    const family = `Nommee${randomInt(1e6)}`;
    const named = await aProfessional({ given: 'Nina', family });
    await addEntry(db, patient.actor, { profileId: patient.profileId, kind: 'PROFESSIONAL', fields: { role: 'MEDECIN_TRAITANT', name: `dr  nina ${family.toUpperCase()} ` } }, now);
    await startEmergencyAccess(db, await aProfessional(), bris(patient.profileId), now, 'PRO');
    expect(await messagesTo(named.professionalId)).toHaveLength(1);
  });

  test('nobody when two professionals bear that name, when there is no médecin traitant, or when the reader is the médecin traitant', async () => {
    const homonyms = await aHolder(db, now);
    const family = `Homonyme${randomInt(1e6)}`;
    const twins = [await aProfessional({ given: 'Jean', family }), await aProfessional({ given: 'Jean', family })];
    await addEntry(db, homonyms.actor, { profileId: homonyms.profileId, kind: 'PROFESSIONAL', fields: { role: 'MEDECIN_TRAITANT', name: `Jean ${family}` } }, now);
    await startEmergencyAccess(db, await aProfessional(), bris(homonyms.profileId), now, 'PRO');
    for (const twin of twins) expect(await messagesTo(twin.professionalId)).toEqual([]);

    const none = await aHolder(db, now);
    await startEmergencyAccess(db, await aProfessional(), bris(none.profileId), now, 'PRO');
    expect(await db.selectFrom('professional_messages').select('id').where('profile_id', 'in', [homonyms.profileId, none.profileId]).execute()).toEqual([]);

    const self = await aHolder(db, now);
    const gp = await aProfessional();
    await db.updateTable('profiles').set({ declared_gp_id: gp.professionalId }).where('id', '=', self.profileId).execute();
    await startEmergencyAccess(db, gp, bris(self.profileId), now, 'PRO');
    expect(await messagesTo(gp.professionalId)).toEqual([]);
  });
});

describe('EMG-6: the professional’s « Messagerie sécurisée »', () => {
  test('newest first, 20 a page with a keyset cursor; opening marks read; another professional cannot open it', async () => {
    const patient = await aHolder(db, now);
    const gp = await aProfessional();
    for (let i = 0; i < MESSAGES_PAGE_SIZE + 2; i++) {
      await sendProfessionalMessage(db, { professionalId: gp.professionalId, profileId: patient.profileId, subject: `Message ${i}`, body: 'Corps', at: later(i * 60_000) });
    }
    const first = await listProfessionalMessages(db, gp, {});
    expect(first.items.map((m) => m.subject)).toEqual(Array.from({ length: MESSAGES_PAGE_SIZE }, (_, i) => `Message ${MESSAGES_PAGE_SIZE + 1 - i}`));
    expect(first.unread).toBe(MESSAGES_PAGE_SIZE + 2);
    const older = await listProfessionalMessages(db, gp, { before: first.olderCursor! });
    expect(older.items.map((m) => m.subject)).toEqual(['Message 1', 'Message 0']);
    expect(older.olderCursor).toBeNull();

    const opened = await openProfessionalMessage(db, gp, older.items[0]!.id, later(HOUR));
    expect(opened.readAt).toEqual(later(HOUR));
    // A second opening keeps the first reading time.
    expect((await openProfessionalMessage(db, gp, opened.id, later(2 * HOUR))).readAt).toEqual(later(HOUR));
    expect((await listProfessionalMessages(db, gp, {})).unread).toBe(MESSAGES_PAGE_SIZE + 1);
    const intruder = await aProfessional();
    await expect(openProfessionalMessage(db, intruder, opened.id, now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listProfessionalMessages(db, await aProfessional(), {})).items).toEqual([]);
    // AUD-1: the openings are on the patient's chain; the intruder's attempt is traced, refused, without the patient.
    const reads = await db.selectFrom('access_events').select(['actor_id', 'outcome', 'profile_id']).where('action', '=', 'pro-message.read')
      .where('actor_id', 'in', [gp.rpps, intruder.rpps]).orderBy('id').execute();
    expect(reads).toEqual([
      { actor_id: gp.rpps, outcome: 'OK', profile_id: patient.profileId }, { actor_id: gp.rpps, outcome: 'OK', profile_id: patient.profileId },
      { actor_id: intruder.rpps, outcome: 'DENIED', profile_id: null },
    ]);
  });
});

describe('EMG-7: the back-office per-professional report', () => {
  test('lists the professional’s accesses with the NIR masked and counts them per month; reading it is traced; others are refused', async () => {
    const a = await aHolder(db, now);
    const b = await aHolder(db, now);
    const samu = await aProfessional({ samu: true });
    await startEmergencyAccess(db, samu, bris(a.profileId), new Date('2026-10-31T23:30:00Z'), 'PRO'); // 1 November in Paris
    await startEmergencyAccess(db, samu, bris(b.profileId, { mode: 'REGULATION', reasonCode: 'DETRESSE_VITALE' }), now, 'PRO');
    const agent = await aStaffMember(db);
    const report = await emergencyReport(db, agent, { rpps: samu.rpps }, later(HOUR));
    expect(report.professional).toMatchObject({ rpps: samu.rpps, regulationCentre: true });
    expect(report.accesses.map((x) => [x.nirMasked, x.mode, x.reason, x.justification, x.durationMinutes, x.running])).toEqual([
      [maskNir(b.nir), 'REGULATION', 'Détresse vitale', JUSTIFICATION, 120, true],
      [maskNir(a.nir), 'EMERGENCY', 'Patient inconscient ou hors d’état d’exprimer sa volonté', JUSTIFICATION, 120, false],
    ]);
    expect(report.accesses.map((x) => x.nirMasked).join()).not.toContain(a.nir.slice(3, 13));
    expect(report.months).toEqual([{ month: '2026-11', total: 2, emergency: 1, regulation: 1 }]);
    const trace = await db.selectFrom('access_events').select(['profile_id', 'outcome', 'channel', 'target_id', 'actor_id'])
      .where('action', '=', 'emergency.report').where('actor_id', '=', agent.staffId).execute();
    expect(trace).toEqual([{ profile_id: null, outcome: 'OK', channel: 'BACKOFFICE', target_id: samu.rpps, actor_id: agent.staffId }]);

    await expect(emergencyReport(db, agent, { rpps: '123' }, now)).rejects.toMatchObject({ field: 'rpps' });
    expect((await emergencyReport(db, agent, { rpps: '99999999999' }, now)).professional).toBeNull();
    await expectRefused(emergencyReport(db, samu, { rpps: samu.rpps }, now), /cet espace n’est pas accessible/);
    const refused = await db.selectFrom('access_events').select(['outcome', 'reason']).where('action', '=', 'emergency.report')
      .where('actor_id', '=', samu.rpps).execute();
    expect(refused).toEqual([{ outcome: 'DENIED', reason: 'wrong-audience' }]);
  });
});
