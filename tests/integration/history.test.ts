import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, AdvisorActor, PatientActor, ProfessionalActor } from '@/lib/access/actor';
import { EXPORT_BATCH, exportHistoryCsv, exportHistoryPdf } from '@/lib/audit/export-history';
import { HISTORY_PAGE_SIZE, listHistory } from '@/lib/audit/history';
import { CSV_HEADERS } from '@/lib/audit/history-csv';
import type { HistoryFilters, HistoryTab } from '@/lib/audit/history-filters';
import { HISTORY_PDF_ROWS } from '@/lib/audit/history-pdf';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import { aPendingPerson, anActivePatient } from '../factories';

const db = getDb();
afterAll(() => closeDb());

describe('AUD-4: Historique d’activité, newest first, keyset pagination', () => {
  test('AUD-4: 44 traces read as three pages with no gap or overlap, forwards and back', async () => {
    const patient = await anActivePatient(db);
    const actor: PatientActor = { kind: 'PATIENT', accountId: patient.accountId, name: 'Camille', ownProfileId: patient.profileId, representedProfileIds: [] };
    const t0 = Date.now();
    for (let i = 0; i < 43; i++) {
      await recordAccess(db, { actor, action: 'account.login', profileId: patient.profileId, at: new Date(t0 + i * 1000) });
    }
    // "Mes actions" now holds the activation and 43 logins; the agent's creation is in another tab.
    const page1 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions' }, new Date());
    expect(page1.rows).toHaveLength(HISTORY_PAGE_SIZE);
    expect(page1.newerCursor).toBeUndefined();
    const page2 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', before: page1.olderCursor }, new Date());
    const page3 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', before: page2.olderCursor }, new Date());
    expect(page3.rows).toHaveLength(44 - 2 * HISTORY_PAGE_SIZE);
    expect(page3.olderCursor).toBeUndefined();
    const ids = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(44);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page3.rows.at(-1)?.action).toBe('profile.activate');
    const back = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', after: page2.newerCursor }, new Date());
    expect(back.rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
    const support = await listHistory(db, actor, { profileId: patient.profileId, tab: 'assurance-maladie' }, new Date());
    expect(support.rows.map((r) => r.action)).toContain('profile.create');
  });

  test('AUD-6: another patient cannot read the history, and the refusal is traced on that profile', async () => {
    const owner = await anActivePatient(db);
    const other = await anActivePatient(db);
    const intruder: PatientActor = { kind: 'PATIENT', accountId: other.accountId, name: 'X', ownProfileId: other.profileId, representedProfileIds: [] };
    await expect(listHistory(db, intruder, { profileId: owner.profileId, tab: 'mes-actions' }, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    const denied = await db.selectFrom('access_events').select(['action', 'reason', 'actor_id']).where('profile_id', '=', owner.profileId)
      .where('outcome', '=', 'DENIED').execute();
    expect(denied).toEqual([{ action: 'profile.history.read', reason: 'not-holder', actor_id: other.accountId }]);
  });
});

const holderOf = (p: { accountId: string; profileId: string }): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });
const doctor: ProfessionalActor = { kind: 'PROFESSIONAL', professionalId: randomUUID(), rpps: '10000000001', name: 'Dr Claire Martin',
  professionCode: '10', professionLabel: 'Médecin' };
const now = new Date('2026-12-01T10:00:00Z');

/** Every page of a filtered history, older and older, then back towards the newest from the last page. */
async function walk(actor: PatientActor, profileId: string, filters: HistoryFilters) {
  const pages = [await listHistory(db, actor, { profileId, ...filters }, now)];
  while (pages.at(-1)!.olderCursor) pages.push(await listHistory(db, actor, { profileId, ...filters, before: pages.at(-1)!.olderCursor }, now));
  const back = [pages.at(-1)!];
  while (back.at(-1)!.newerCursor) back.push(await listHistory(db, actor, { profileId, ...filters, after: back.at(-1)!.newerCursor }, now));
  return { forward: pages.map((p) => p.rows.map((r) => r.id)), backward: back.reverse().map((p) => p.rows.map((r) => r.id)) };
}

const expectedIds = async (profileId: string, where: { types?: string[]; from?: Date; to?: Date }) => {
  let q = db.selectFrom('access_events').select('id').where('profile_id', '=', profileId);
  if (where.types) q = q.where('actor_type', 'in', where.types);
  if (where.from) q = q.where('at', '>=', where.from);
  if (where.to) q = q.where('at', '<', where.to);
  return (await q.orderBy('id', 'desc').execute()).map((r) => r.id);
};

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe('AUD-4: filters of Historique d’activité (period in Europe/Paris days, actor type), keyset pages', () => {
  test('AUD-4: a period is made of Paris days: 23:59:59 and 00:00:00 Paris fall on either side of midnight, winter and summer', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    const at = (iso: string) => recordAccess(db, { actor: me, action: 'account.login', profileId: patient.profileId, at: new Date(iso) });
    await at('2025-07-14T21:59:59Z'); // 14/07 23:59:59 Paris (UTC+2)
    await at('2025-07-14T22:00:00Z'); // 15/07 00:00:00 Paris
    await at('2025-11-28T22:59:59Z'); // 28/11 23:59:59 Paris (UTC+1)
    await at('2025-11-28T23:00:00Z'); // 29/11 00:00:00 Paris
    const days = async (from?: string, to?: string) => (await listHistory(db, me, { profileId: patient.profileId, tab: 'tout', from, to }, now))
      .rows.map((r) => r.at.toISOString());
    expect(await days('2025-11-28', '2025-11-28')).toEqual(['2025-11-28T22:59:59.000Z']);
    expect(await days('2025-11-29', '2025-11-29')).toEqual(['2025-11-28T23:00:00.000Z']);
    expect(await days('2025-07-14', '2025-07-14')).toEqual(['2025-07-14T21:59:59.000Z']);
    expect(await days('2025-07-15', '2025-11-28')).toEqual(['2025-11-28T22:59:59.000Z', '2025-07-14T22:00:00.000Z']);
    expect(await days(undefined, '2025-07-14')).toEqual(['2025-07-14T21:59:59.000Z']);
  });

  test('AUD-4: the actor type keeps its own traces only; "Toute l’activité" keeps them all', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    await recordAccess(db, { actor: me, action: 'account.login', profileId: patient.profileId, at: now });
    await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, at: now, mode: 'EMERGENCY' });
    await recordAccess(db, { actor: { kind: 'SYSTEM', job: 'test' }, action: 'privacy.mask-all.applied', profileId: patient.profileId, at: now });
    const types = async (tab: HistoryTab) => new Set((await listHistory(db, me, { profileId: patient.profileId, tab }, now)).rows.map((r) => r.actor_type));
    expect(await types('professionnels')).toEqual(new Set(['HEALTHCARE_PROFESSIONAL']));
    expect(await types('mes-actions')).toEqual(new Set(['PATIENT', 'ENROLMENT']));
    expect(await types('assurance-maladie')).toEqual(new Set(['SUPPORT', 'SYSTEM']));
    expect(await types('services-synchronises')).toEqual(new Set());
    expect(await types('tout')).toEqual(new Set(['PATIENT', 'ENROLMENT', 'SUPPORT', 'SYSTEM', 'HEALTHCARE_PROFESSIONAL']));
  });

  test('AUD-4: with a tab and a period, keyset pages never repeat nor skip a line, older and back to the newest', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    const t0 = Date.parse('2026-10-01T08:00:00Z');
    for (let i = 0; i < 130; i++) {
      const actor: Actor = i % 3 === 0 ? doctor : me;
      await recordAccess(db, { actor, action: i % 3 === 0 ? 'document.read' : 'account.login', profileId: patient.profileId, at: new Date(t0 + i * 3_600_000) });
    }
    // 130 hours from 1 Oct 10:00 Paris: 1..5 Oct hold the doctor's reads; keep 2..4 Oct.
    const filters: HistoryFilters = { tab: 'professionnels', from: '2026-10-02', to: '2026-10-04' };
    const expected = await expectedIds(patient.profileId, {
      types: ['HEALTHCARE_PROFESSIONAL', 'HEALTHCARE_FACILITY'], from: new Date('2026-10-01T22:00:00Z'), to: new Date('2026-10-04T22:00:00Z') });
    expect(expected.length).toBeGreaterThan(HISTORY_PAGE_SIZE);
    const { forward, backward } = await walk(me, patient.profileId, filters);
    expect(forward.flat()).toEqual(expected);
    expect(forward.slice(0, -1).every((p) => p.length === HISTORY_PAGE_SIZE)).toBe(true);
    expect(backward).toEqual(forward);
    // Without filters, the same walk covers the whole profile.
    const all = await walk(me, patient.profileId, { tab: 'tout' });
    expect(all.forward.flat()).toEqual(await expectedIds(patient.profileId, {}));
  });
});

describe('AUD-5: downloads (CSV, PDF) with the page’s filters, traced (AUD-1), through the policy (AUD-6, FS-4)', () => {
  test('AUD-5, FS-5, EMG-7: the CSV has a BOM, French headers, `;` fields and one record per trace, newest first', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    const site = await db.insertInto('france_services_sites').values({ name: `France Services de Bellac ${randomUUID().slice(0, 6)}`, commune: 'Bellac', departement: '87' })
      .returning(['id', 'name']).executeTakeFirstOrThrow();
    const advisor: AdvisorActor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: site.id, name: 'Lucie Moreau' };
    const day = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
    await recordAccess(db, { actor: me, action: 'account.login', profileId: patient.profileId, at: day(8) });
    await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, at: day(9), mode: 'EMERGENCY' });
    await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, at: day(10), denied: 'pro-blocked' });
    await recordAccess(db, { actor: advisor, action: 'profile.code.reissue', profileId: patient.profileId, at: day(11) });
    await recordAccess(db, { actor: { ...doctor, name: '=Dr "Jean"; Dupont' }, action: 'document.read', profileId: patient.profileId, at: day(12) });
    const { filename, stream } = await exportHistoryCsv(db, me, { profileId: patient.profileId, filters: { tab: 'tout', from: '2026-11-20', to: '2026-11-20' } }, now);
    expect(filename).toBe('historique-activite-2026-12-01.csv');
    const bytes = await bytesOf(stream);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CSV_HEADERS.join(';'));
    expect(lines[0]).toBe('Date et heure (heure de Paris);Type d’acteur;Auteur;Action;Document;Mode d’accès;Résultat');
    expect(lines.slice(1, -1)).toEqual([
      '20/11/2026 13:00:00;Professionnels de santé;"\'=Dr ""Jean""; Dupont (Médecin)";Consultation d’un document;;Normal;Effectuée',
      '20/11/2026 12:00:00;Assurance Maladie et France Services;Avec l’aide d’un conseiller France Services (Lucie Moreau, ' + site.name + ');Envoi d’un nouveau code provisoire;;Avec l’aide d’un conseiller France Services;Effectuée',
      '20/11/2026 11:00:00;Professionnels de santé;Dr Claire Martin (Médecin);Tentative d’accès refusée;;Normal;Refusée',
      '20/11/2026 10:00:00;Professionnels de santé;Dr Claire Martin (Médecin);Consultation d’un document;;Accès en urgence;Effectuée',
      '20/11/2026 09:00:00;Moi et mes proches;Vous;Connexion à Mon espace santé;;Normal;Effectuée',
    ]);
    // The same lines on the page, with the same words (FS-5, EMG-7).
    const page = await listHistory(db, me, { profileId: patient.profileId, tab: 'professionnels', from: '2026-11-20', to: '2026-11-20' }, now);
    expect(page.rows.map((r) => r.mode)).toEqual(['NORMAL', 'NORMAL', 'EMERGENCY']);
  });

  test('AUD-5: a long history streams in keyset batches to the last line', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    await recordAccesses(patient.profileId, me, EXPORT_BATCH + 7, Date.parse('2026-03-01T08:00:00Z'));
    const { stream } = await exportHistoryCsv(db, me, { profileId: patient.profileId, filters: { tab: 'mes-actions', from: '2026-03-01', to: '2026-03-31' } }, now);
    const lines = new TextDecoder().decode(await bytesOf(stream)).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + EXPORT_BATCH + 7);
    expect(lines.at(-1)).toMatch(/^01\/03\/2026 09:00:00;/);
  });

  test('AUD-5: the PDF opens with pdf-lib, one page per screenful of rows, any character made printable', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    const rows = HISTORY_PDF_ROWS.first + HISTORY_PDF_ROWS.next + 3;
    await recordAccesses(patient.profileId, me, rows - 1, Date.parse('2026-02-02T08:00:00Z'));
    // WinAnsi cannot encode Ł nor an emoji: they print as L and ?, the file is still made.
    await recordAccess(db, { actor: { ...doctor, name: 'Dr Łukasz Nowak 🩺' }, action: 'document.read', profileId: patient.profileId, at: new Date('2026-02-02T07:00:00Z') });
    const { filename, pdf } = await exportHistoryPdf(db, me, { profileId: patient.profileId, filters: { tab: 'tout', from: '2026-02-02', to: '2026-02-02' } }, now);
    expect(filename).toBe('historique-activite-2026-12-01.pdf');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('Historique d’activité — Mon espace santé');
    expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    const empty = await exportHistoryPdf(db, me, { profileId: patient.profileId, filters: { tab: 'services-synchronises' } }, now);
    expect((await PDFDocument.load(empty.pdf)).getPageCount()).toBe(1);
  });

  test('AUD-1, AUD-5: every download is traced, the patient’s included, in the history it exports from; reading the page is not', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    await listHistory(db, me, { profileId: patient.profileId, tab: 'tout' }, now);
    const { stream } = await exportHistoryCsv(db, me, { profileId: patient.profileId, filters: { tab: 'tout' } }, now);
    const csv = new TextDecoder().decode(await bytesOf(stream));
    expect(csv).not.toContain('Téléchargement de l’historique'); // the file shows the history as it was when asked for
    await exportHistoryPdf(db, me, { profileId: patient.profileId, filters: { tab: 'professionnels' } }, now);
    const traces = await db.selectFrom('access_events').select(['action', 'outcome', 'actor_id', 'target_type', 'target_id'])
      .where('profile_id', '=', patient.profileId).where('action', 'like', 'profile.history.%').orderBy('id').execute();
    expect(traces).toEqual([
      { action: 'profile.history.export', outcome: 'OK', actor_id: patient.accountId, target_type: 'history-export', target_id: 'csv' },
      { action: 'profile.history.export', outcome: 'OK', actor_id: patient.accountId, target_type: 'history-export', target_id: 'pdf' },
    ]);
    const page = await listHistory(db, me, { profileId: patient.profileId, tab: 'mes-actions' }, now);
    expect(page.rows.slice(0, 2).map((r) => r.action)).toEqual(['profile.history.export', 'profile.history.export']);
  });

  test('AUD-6, FS-4: another account and a France Services advisor are refused both downloads and the page; each refusal is traced', async () => {
    const owner = await anActivePatient(db);
    const other = await anActivePatient(db);
    const intruder = holderOf(other);
    const advisor: AdvisorActor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    const input = { profileId: owner.profileId, filters: { tab: 'tout' as const } };
    for (const actor of [intruder, advisor]) {
      await expect(exportHistoryCsv(db, actor, input, now)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(exportHistoryPdf(db, actor, input, now)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(listHistory(db, advisor, { profileId: owner.profileId, tab: 'tout' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const denied = await db.selectFrom('access_events').select(['action', 'reason', 'actor_id', 'mode'])
      .where('profile_id', '=', owner.profileId).where('outcome', '=', 'DENIED').orderBy('id').execute();
    expect(denied).toEqual([
      { action: 'profile.history.export', reason: 'not-holder', actor_id: other.accountId, mode: 'NORMAL' },
      { action: 'profile.history.export', reason: 'not-holder', actor_id: other.accountId, mode: 'NORMAL' },
      { action: 'profile.history.export', reason: 'advisor-no-medical', actor_id: advisor.staffId, mode: 'ASSISTED' },
      { action: 'profile.history.export', reason: 'advisor-no-medical', actor_id: advisor.staffId, mode: 'ASSISTED' },
      { action: 'profile.history.read', reason: 'advisor-no-medical', actor_id: advisor.staffId, mode: 'ASSISTED' },
    ]);
  });

  test('AUD-7: a document hidden from the patient keeps its deposit trace back; a visible one is named by its title', async () => {
    const patient = await anActivePatient(db);
    const me = holderOf(patient);
    const doc = (title: string, invisible: boolean) => db.insertInto('documents').values({
      profile_id: patient.profileId, unique_id: `urn:uuid:${randomUUID()}`, title, category: 'BIOLOGIE', type_code: null, document_date: null,
      mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', sha1: 'x', blob_key: null, wrapped_key: null, author_type: 'HEALTHCARE_PROFESSIONAL',
      author_id: '1', author_label: 'Dr X', author_professional_id: null, replaces_id: null, mask_origin: null, folder_id: null,
      invisible_patient: invisible, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const hidden = await doc('Résultat en attente d’annonce', true);
    const shown = await doc('Bilan sanguin', false);
    for (const d of [hidden, shown]) {
      await recordAccess(db, { actor: doctor, action: 'document.add', profileId: patient.profileId, target: { type: 'document', id: d.id }, at: now });
    }
    await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, target: { type: 'document', id: 'pas-un-uuid' }, at: now });
    const page = await listHistory(db, me, { profileId: patient.profileId, tab: 'professionnels' }, now);
    expect(page.rows.map((r) => [r.action, r.target_id, r.document_title])).toEqual([
      ['document.read', 'pas-un-uuid', null], ['document.add', shown.id, 'Bilan sanguin']]);
    await db.updateTable('documents').set({ invisible_patient: false }).where('id', '=', hidden.id).execute();
    const after = await listHistory(db, me, { profileId: patient.profileId, tab: 'professionnels' }, now);
    expect(after.rows.map((r) => r.document_title)).toEqual([null, 'Bilan sanguin', 'Résultat en attente d’annonce']);
  });
});

describe('REP-5: a representative reads and downloads a child’s history', () => {
  test('REP-5, AUD-5, AUD-7: the child’s history, without the deposit of a document hidden from representatives; the download is traced on the child', async () => {
    const parent = await anActivePatient(db);
    const child = await aPendingPerson(db, now, { firstNames: 'Léo', birthName: 'TESTEUR' });
    await db.updateTable('profiles').set({ state: 'CREATED', kind: 'CHILD' }).where('id', '=', child.profileId).execute();
    const rep: PatientActor = { ...holderOf(parent), representedProfileIds: [child.profileId] };
    const doc = await db.insertInto('documents').values({
      profile_id: child.profileId, unique_id: `urn:uuid:${randomUUID()}`, title: 'Consultation confidentielle', category: 'CPT_REND', type_code: null,
      document_date: null, mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', sha1: 'x', blob_key: null, wrapped_key: null,
      author_type: 'HEALTHCARE_PROFESSIONAL', author_id: '1', author_label: 'Dr X', author_professional_id: null, replaces_id: null, mask_origin: null,
      folder_id: null, invisible_representants_legaux: true, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(db, { actor: doctor, action: 'document.add', profileId: child.profileId, target: { type: 'document', id: doc.id }, at: now });
    await recordAccess(db, { actor: doctor, action: 'document.read', profileId: child.profileId, target: { type: 'document', id: doc.id }, at: now });
    const page = await listHistory(db, rep, { profileId: child.profileId, tab: 'professionnels' }, now);
    expect(page.profile.name).toBe('Léo TESTEUR');
    expect(page.rows.map((r) => [r.action, r.document_title])).toEqual([['document.read', null]]);
    const { stream } = await exportHistoryCsv(db, rep, { profileId: child.profileId, filters: { tab: 'tout' } }, now);
    const csv = new TextDecoder().decode(await bytesOf(stream));
    expect(csv).toContain('Création du profil et envoi du code provisoire');
    expect(csv).not.toContain('Ajout d’un document');
    expect(csv).not.toContain('Consultation confidentielle');
    const traced = await db.selectFrom('access_events').select(['actor_id', 'outcome']).where('profile_id', '=', child.profileId)
      .where('action', '=', 'profile.history.export').execute();
    expect(traced).toEqual([{ actor_id: parent.accountId, outcome: 'OK' }]);
  });
});

/** `count` logins of the holder a minute apart from `t0`, appended set-based in one transaction. */
async function recordAccesses(profileId: string, me: PatientActor, count: number, t0: number) {
  const { recordAccesses: many } = await import('@/lib/audit/record-access');
  await many(db, Array.from({ length: count }, (_, i) => ({ actor: me, action: 'account.login', profileId, at: new Date(t0 + i * 60_000) })));
}
