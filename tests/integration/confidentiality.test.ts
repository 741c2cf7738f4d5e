import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { administrateurOf, designateAdministrateur, removeAdministrateur } from '@/lib/confidentiality/administrateur';
import { setEmergencyToggles } from '@/lib/confidentiality/emergency-toggles';
import { maskAllStatus, retryMaskAll, runMaskAll, setMaskAll } from '@/lib/confidentiality/mask-all';
import { blockedProfessionals, blockProfessional, isBlocked, searchProfessionals, unblockProfessional } from '@/lib/confidentiality/professional-blocks';
import { privacyOf } from '@/lib/confidentiality/settings';
import { AccessDeniedError } from '@/lib/errors';
import { processDocumentsJob } from '@/jobs/documents';
import { anActivePatient } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-11-28T10:00:00Z');
const holderOf = (p: { accountId: string; profileId: string }): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });

async function aDocumentRow(profileId: string, over: Record<string, unknown> = {}) {
  const row = await db.insertInto('documents').values({
    profile_id: profileId, unique_id: `urn:uuid:${randomUUID()}`, title: 'Document', category: 'BIOLOGIE', type_code: null, document_date: null,
    mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', sha1: 'x', blob_key: null, wrapped_key: null, author_type: 'HEALTHCARE_PROFESSIONAL',
    author_id: '1', author_label: 'Dr X', author_professional_id: null, replaces_id: null, mask_origin: null, folder_id: null,
    created_at: now, updated_at: now, ...over,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
const masks = (profileId: string) => db.selectFrom('documents').select(['title', 'masque_ps', 'mask_origin'])
  .where('profile_id', '=', profileId).orderBy('title').execute();

describe('VIS-3..5: mask-all and its job', () => {
  test('VIS-3, VIS-4, VIS-10: mask-all masks every document (BULK) but an invisible_patient one; turning it off removes only BULK masks', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    await aDocumentRow(patient.profileId, { title: 'A biologie' });
    await aDocumentRow(patient.profileId, { title: 'B masqué un par un', masque_ps: true, mask_origin: 'INDIVIDUAL' });
    await aDocumentRow(patient.profileId, { title: 'C non visible du patient', invisible_patient: true });
    const { runId } = await setMaskAll(db, actor, { profileId: patient.profileId, mask: true }, now);
    expect((await privacyOf(db, patient.profileId)).maskAll).toBe(true);
    // The job comes through the outbox, in the same transaction as the switch.
    const outbox = await db.selectFrom('outbox').select(['id', 'kind']).where('kind', '=', 'mask-all').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(await processDocumentsJob(db, { outboxId: outbox.id }, now)).toBe('changed 1, failed 0');
    expect(await masks(patient.profileId)).toEqual([
      { title: 'A biologie', masque_ps: true, mask_origin: 'BULK' },
      { title: 'B masqué un par un', masque_ps: true, mask_origin: 'INDIVIDUAL' },
      { title: 'C non visible du patient', masque_ps: false, mask_origin: null },
    ]);
    expect((await maskAllStatus(db, patient.profileId)).lastRun).toMatchObject({ id: runId, status: 'DONE', changed: 1, failed: 0 });
    // A duplicate delivery of the same job changes nothing.
    expect(await processDocumentsJob(db, { outboxId: outbox.id }, now)).toBe('skipped');
    expect(await runMaskAll(db, runId, now)).toBeUndefined();

    const off = await setMaskAll(db, actor, { profileId: patient.profileId, mask: false }, now);
    await runMaskAll(db, off.runId, now);
    expect(await masks(patient.profileId)).toEqual([
      { title: 'A biologie', masque_ps: false, mask_origin: null },
      { title: 'B masqué un par un', masque_ps: true, mask_origin: 'INDIVIDUAL' },
      { title: 'C non visible du patient', masque_ps: false, mask_origin: null },
    ]);
    const traces = await db.selectFrom('access_events').select('action').where('profile_id', '=', patient.profileId)
      .where('action', 'like', 'privacy.mask-all%').orderBy('id').execute();
    expect(traces.map((t) => t.action)).toEqual(['privacy.mask-all.on', 'privacy.mask-all.applied', 'privacy.mask-all.off', 'privacy.mask-all.removed']);
  });

  test('VIS-5: a document locked during the job is reported as not masked, and "Réessayer" finishes the work', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    await aDocumentRow(patient.profileId, { title: 'A' });
    const locked = await aDocumentRow(patient.profileId, { title: 'B' });
    const { runId } = await setMaskAll(db, actor, { profileId: patient.profileId, mask: true }, now);
    // Another transaction holds document B (a professional replacing it, say) while the job runs.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let lockTaken!: () => void;
    const taken = new Promise<void>((r) => { lockTaken = r; });
    const holder = db.transaction().execute(async (trx) => {
      await trx.selectFrom('documents').select('id').where('id', '=', locked).forUpdate().execute();
      lockTaken();
      await held;
    });
    await taken;
    expect(await runMaskAll(db, runId, now)).toEqual({ changed: 1, failed: 1 });
    release();
    await holder;
    expect((await maskAllStatus(db, patient.profileId)).lastRun).toMatchObject({ status: 'FAILED', failed: 1 });
    const retry = await retryMaskAll(db, actor, patient.profileId, now);
    expect(await runMaskAll(db, retry.runId, now)).toEqual({ changed: 1, failed: 0 });
    expect((await masks(patient.profileId)).every((d) => d.masque_ps && d.mask_origin === 'BULK')).toBe(true);
  });

  test('VIS-4: a run overtaken by a newer switch is superseded and changes nothing', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    await aDocumentRow(patient.profileId, { title: 'A' });
    const on = await setMaskAll(db, actor, { profileId: patient.profileId, mask: true }, now);
    await setMaskAll(db, actor, { profileId: patient.profileId, mask: false }, now);
    expect(await runMaskAll(db, on.runId, now)).toBeUndefined();
    expect(await masks(patient.profileId)).toEqual([{ title: 'A', masque_ps: false, mask_origin: null }]);
    expect(await db.selectFrom('mask_all_runs').select('status').where('id', '=', on.runId).executeTakeFirstOrThrow()).toEqual({ status: 'SUPERSEDED' });
  });

  test('AID-4, FS-4: neither an aidant nor an advisor may switch mask-all; refusals are traced and nothing changes', async () => {
    const patient = await anActivePatient(db);
    const helper = await anActivePatient(db);
    const aidant: Actor = { ...holderOf(helper), aidedProfileIds: [patient.profileId] };
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    await expect(setMaskAll(db, aidant, { profileId: patient.profileId, mask: true }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(setMaskAll(db, advisor, { profileId: patient.profileId, mask: true }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await privacyOf(db, patient.profileId)).maskAll).toBe(false);
    const refused = await db.selectFrom('access_events').select(['outcome', 'reason']).where('profile_id', '=', patient.profileId)
      .where('action', '=', 'privacy.mask-all').orderBy('id').execute();
    expect(refused).toEqual([{ outcome: 'DENIED', reason: 'aidant-not-allowed' }, { outcome: 'DENIED', reason: 'advisor-no-medical' }]);
  });
});

describe('EMG-1, PRO-7: emergency toggles and blocked professionals', () => {
  test('EMG-1, EMG-7: the three toggles default to on, on, off; a change is stored and traced MODIF_PARAM_ACCESS_URGENCE', async () => {
    const patient = await anActivePatient(db);
    expect(await privacyOf(db, patient.profileId)).toEqual({ maskAll: false, emergencyRegulation: true, emergencyOther: true, emergencyMaskedVisible: false });
    await setEmergencyToggles(db, holderOf(patient), { profileId: patient.profileId, regulation: true, other: false, maskedVisible: true }, now);
    expect(await privacyOf(db, patient.profileId)).toMatchObject({ emergencyRegulation: true, emergencyOther: false, emergencyMaskedVisible: true });
    const trace = await db.selectFrom('access_events').select(['outcome', 'target_id']).where('profile_id', '=', patient.profileId)
      .where('action', '=', 'MODIF_PARAM_ACCESS_URGENCE').executeTakeFirstOrThrow();
    expect(trace).toEqual({ outcome: 'OK', target_id: '101' });
  });

  test('PRO-7: a professional found by name, city, profession or RPPS is blocked, then unblocked; both traced', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const rpps = String(10_000_000_000 + Math.floor(Math.random() * 1e9));
    const pro = await db.insertInto('professionals').values({ rpps, given_name: 'Élodie', family_name: `Garnier${rpps.slice(-4)}`, profession_code: '50',
      profession_label: 'Sage-femme', email: null, last_login_at: null, city: 'Besançon' }).returning('id').executeTakeFirstOrThrow();
    for (const q of [`garnier${rpps.slice(-4)}`, `Élodie Garnier${rpps.slice(-4)}`, rpps]) {
      expect((await searchProfessionals(db, actor, patient.profileId, q, now)).map((p) => p.id)).toContain(pro.id);
    }
    expect((await searchProfessionals(db, actor, patient.profileId, 'besanç', now)).map((p) => p.id)).toContain(pro.id);
    await expect(searchProfessionals(db, actor, patient.profileId, 'a', now)).rejects.toMatchObject({ field: 'recherche' });
    await blockProfessional(db, actor, { profileId: patient.profileId, professionalId: pro.id }, now);
    await blockProfessional(db, actor, { profileId: patient.profileId, professionalId: pro.id }, now); // twice: still one block
    expect((await blockedProfessionals(db, patient.profileId)).map((p) => p.id)).toEqual([pro.id]);
    expect(await isBlocked(db, patient.profileId, pro.id)).toBe(true);
    expect((await searchProfessionals(db, actor, patient.profileId, rpps, now))[0]!.blocked).toBe(true);
    await unblockProfessional(db, actor, { profileId: patient.profileId, professionalId: pro.id }, now);
    expect(await isBlocked(db, patient.profileId, pro.id)).toBe(false);
    const actions = await db.selectFrom('access_events').select('action').where('profile_id', '=', patient.profileId)
      .where('target_id', '=', pro.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['professional.block', 'professional.block', 'professional.unblock']);
  });

  test('PRO-7, AID-4: an aidant cannot block a professional', async () => {
    const patient = await anActivePatient(db);
    const helper = await anActivePatient(db);
    const aidant: Actor = { ...holderOf(helper), aidedProfileIds: [patient.profileId] };
    const pro = await db.selectFrom('professionals').select('id').limit(1).executeTakeFirst()
      ?? await db.insertInto('professionals').values({ rpps: '10999999999', given_name: 'A', family_name: 'B', profession_code: '10', profession_label: 'Médecin', email: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow();
    await expect(blockProfessional(db, aidant, { profileId: patient.profileId, professionalId: pro.id }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await isBlocked(db, patient.profileId, pro.id)).toBe(false);
  });

  test('VIS-7: one administrateur at a time; a blocked professional cannot be designated; blocking the administrateur ends the role', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const [first, second] = await Promise.all([1, 2].map(async (i) => (await db.insertInto('professionals').values({
      rpps: String(20_000_000_000 + Math.floor(Math.random() * 1e9) + i), given_name: 'Jeanne', family_name: `Admin${i}`, profession_code: '10',
      profession_label: 'Médecin', email: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow()).id));
    await designateAdministrateur(db, actor, { profileId: patient.profileId, professionalId: first! }, now);
    await designateAdministrateur(db, actor, { profileId: patient.profileId, professionalId: second! }, now);
    expect((await administrateurOf(db, patient.profileId))?.id).toBe(second);
    await blockProfessional(db, actor, { profileId: patient.profileId, professionalId: second! }, now);
    expect(await administrateurOf(db, patient.profileId)).toBeUndefined();
    await expect(designateAdministrateur(db, actor, { profileId: patient.profileId, professionalId: second! }, now)).rejects.toThrow('Ce professionnel est bloqué');
    await designateAdministrateur(db, actor, { profileId: patient.profileId, professionalId: first! }, now);
    await removeAdministrateur(db, actor, patient.profileId, now);
    expect(await administrateurOf(db, patient.profileId)).toBeUndefined();
  });
});
