import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/services/v1/measures/route';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { closeProfile } from '@/lib/closure/close-profile';
import { runClosureJobs } from '@/lib/closure/purge';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { measureSeries } from '@/lib/measures/list-measures';
import { activateChild } from '@/lib/representatives/activate-child';
import { listCatalogue } from '@/lib/services/catalogue';
import { connectService } from '@/lib/services/connect-service';
import { disconnectService } from '@/lib/services/disconnect-service';
import { registerService } from '@/lib/services/register-service';
import type { ServiceStatus } from '@/lib/services/status';
import { aNir, anActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
afterAll(() => closeDb());
// The route reads the real clock: values are pushed as measured an hour ago, consents given just now.
const now = () => new Date();
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

async function aService(status: ServiceStatus = 'EN_LIGNE') {
  const clientId = `balance-test-${randomInt(1e9)}`;
  const secret = randomBytes(24).toString('base64url');
  const name = `Balance Test ${randomInt(1e9)}`;
  const { serviceId } = await registerService(db, { name, description: 'Balance de test.', clientId, clientSecret: secret, status, purposes: [
    { code: 'MEASURES_WRITE', label: 'Envoyer votre poids dans Mon espace santé', mandatory: true },
    { code: 'MEASURES_READ', label: 'Lire vos mesures', mandatory: false },
  ] });
  return { id: serviceId, name, clientId, secret };
}
type Service = Awaited<ReturnType<typeof aService>>;

async function aHolder() {
  const p = await anActivePatient(db, now());
  const actor: PatientActor = { kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] };
  return { ...p, actor };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const weight = (value: number, effectiveAt = anHourAgo()) => ({ type: 'WEIGHT', value, unit: 'kg', effectiveAt });

async function push(service: Pick<Service, 'clientId' | 'secret'>, body: unknown, headers: Record<string, string> = {}) {
  const response = await POST(new Request('http://localhost/api/services/v1/measures', {
    method: 'POST', body: JSON.stringify(body),
    headers: { authorization: basic(service.clientId, service.secret), 'content-type': 'application/json', ...headers },
  }));
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

const pushed = (profileId: string) => db.selectFrom('measures').select(['type', 'value', 'unit', 'source', 'source_ref', 'created_by_account'])
  .where('profile_id', '=', profileId).orderBy('effective_at').execute();
const pushTraces = (profileId: string | null, serviceId: string) => db.selectFrom('access_events')
  .select(['actor_type', 'actor_id', 'actor_label', 'outcome', 'reason', 'channel'])
  .where('action', '=', 'measure.push').where('actor_id', '=', serviceId)
  .where('profile_id', profileId === null ? 'is' : '=', profileId).orderBy('id').execute();

describe('MEA-8: services push measures only with consent for that purpose', () => {
  test('MEA-8, CAT-8: without consent the service gets 403 « Consent not given », nothing is stored, the refusal is traced SERVICE_TIERS', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    expect(await push(service, { ins: holder.nir, measures: [weight(72.5)] })).toEqual({ status: 403, body: { error: 'Consent not given' } });
    expect(await pushed(holder.profileId)).toEqual([]);
    expect(await pushTraces(holder.profileId, service.id)).toEqual([
      { actor_type: 'SERVICE_TIERS', actor_id: service.id, actor_label: service.name, outcome: 'DENIED', reason: 'consent-not-given', channel: 'API' },
    ]);
  });

  test('MEA-8: an unknown INS gets the very same 403 as a profile without consent (no existence leak)', async () => {
    const service = await aService();
    const unknown = await push(service, { ins: aNir(), measures: [weight(72.5)] });
    expect(unknown).toEqual({ status: 403, body: { error: 'Consent not given' } });
    expect(await pushTraces(null, service.id)).toEqual([expect.objectContaining({ actor_type: 'SERVICE_TIERS', outcome: 'DENIED', reason: 'no-target' })]);
  });

  test('MEA-8, CAT-3: once the holder consents, 201 { stored } and the values exist as SERVICE_TIERS, read « Transmis par » the service', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    const response = await push(service, { ins: holder.nir, measures: [
      weight(72.5, new Date(Date.now() - 7_200_000).toISOString()), weight(72.1),
      { type: 'BLOOD_PRESSURE', value: 128, value2: 82, unit: 'mmHg', effectiveAt: anHourAgo() },
    ] });
    expect(response).toEqual({ status: 201, body: { stored: 3 } });
    const rows = await pushed(holder.profileId);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ source: 'SERVICE_TIERS', source_ref: service.id, created_by_account: null });
    expect(rows.map((r) => [r.type, r.value])).toEqual(expect.arrayContaining([['WEIGHT', '72.500'], ['WEIGHT', '72.100'], ['BLOOD_PRESSURE', '128.000']]));
    expect(await pushTraces(holder.profileId, service.id)).toEqual([expect.objectContaining({ actor_type: 'SERVICE_TIERS', outcome: 'OK', channel: 'API' })]);
    // The weight page's table names the service (MEA-8 source label).
    const series = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now());
    expect(series.rows.map((m) => [m.value, m.source, m.sourceService?.name])).toEqual([[72.1, 'SERVICE_TIERS', service.name], [72.5, 'SERVICE_TIERS', service.name]]);
  });

  test('CAT-5: « Déconnecter » refuses the very next call, and the values already pushed stay', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE', 'MEASURES_READ'] }, now());
    expect((await push(service, { ins: holder.nir, measures: [weight(80)] })).status).toBe(201);
    const { revoked } = await disconnectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id }, now());
    expect(revoked).toBe(2);
    expect(await push(service, { ins: holder.nir, measures: [weight(81)] })).toEqual({ status: 403, body: { error: 'Consent not given' } });
    expect((await pushed(holder.profileId)).map((r) => [r.value, r.source])).toEqual([['80.000', 'SERVICE_TIERS']]);
    const [catalogueEntry] = (await listCatalogue(db, holder.actor, holder.profileId, now())).filter((s) => s.id === service.id);
    expect(catalogueEntry?.connectedSince).toBeUndefined();
    const disconnection = await db.selectFrom('access_events').select(['outcome', 'target_id']).where('profile_id', '=', holder.profileId)
      .where('action', '=', 'service.disconnect').executeTakeFirstOrThrow();
    expect(disconnection).toEqual({ outcome: 'OK', target_id: service.id });
  });

  test('CAT-8: a wrong secret and an unknown client id get the same 401 « Invalid client »; nothing is stored', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    const body = { ins: holder.nir, measures: [weight(72.5)] };
    const wrongSecret = await push({ clientId: service.clientId, secret: 'pas-le-bon-secret' }, body);
    const unknownId = await push({ clientId: 'inconnu', secret: service.secret }, body);
    expect(wrongSecret).toEqual({ status: 401, body: { error: 'Invalid client' } });
    expect(unknownId).toEqual(wrongSecret);
    const noHeader = await POST(new Request('http://localhost/api/services/v1/measures', { method: 'POST', body: JSON.stringify(body) }));
    expect(noHeader.status).toBe(401);
    expect(noHeader.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await pushed(holder.profileId)).toEqual([]);
  });

  test('CAT-2: a SUSPENDUE service gets 403 « Service not available » even with consent, and cannot be connected', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    await db.updateTable('connected_services').set({ status: 'SUSPENDUE' }).where('id', '=', service.id).execute(); // BO will do it (CAT-2)
    expect(await push(service, { ins: holder.nir, measures: [weight(72.5)] })).toEqual({ status: 403, body: { error: 'Service not available' } });
    expect(await pushed(holder.profileId)).toEqual([]);
    expect(await pushTraces(holder.profileId, service.id)).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'service-unavailable' })]);
    const other = await aHolder();
    await expect(connectService(db, other.actor, { profileId: other.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now()))
      .rejects.toMatchObject({ code: 'service.unavailable' });
  });

  test('MEA-1, MEA-2, MEA-8: one invalid measure in a batch → 400 with the errors of each item, and nothing at all is stored', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    const response = await push(service, { ins: holder.nir, measures: [
      weight(72.5), weight(401), weight(70, new Date(Date.now() + 86_400_000 * 2).toISOString()), { ...weight(70), unit: 'lb' },
    ] });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'Invalid measures', errors: [
      { index: 1, field: 'value', message: 'Le poids doit être compris entre 0,3 et 400\u00a0kg.' },
      { index: 2, field: 'effectiveAt', message: 'La date de la mesure ne peut pas être dans le futur.' },
      { index: 3, field: 'unit', message: 'L’unité de la mesure « Poids » est « kg ».' },
    ] });
    expect(await pushed(holder.profileId)).toEqual([]);
    const malformed = await push(service, { ins: holder.nir, measures: [{ type: 'WEIGHT', value: '72,5', unit: 'kg', effectiveAt: anHourAgo() }] });
    expect(malformed).toEqual({ status: 400, body: { error: 'Invalid request', errors: [{ index: 0, field: 'value', message: 'La valeur doit être un nombre.' }] } });
    expect(await pushed(holder.profileId)).toEqual([]);
  });

  test('MEA-8: a call retried with the same Idempotency-Key stores nothing twice; the key reused for another body → 409', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    const body = { ins: holder.nir, measures: [weight(72.5), weight(72.3, new Date(Date.now() - 60_000).toISOString())] };
    const key = { 'idempotency-key': `pesee-${randomInt(1e9)}` };
    expect(await push(service, body, key)).toEqual({ status: 201, body: { stored: 2 } });
    expect(await push(service, body, key)).toEqual({ status: 201, body: { stored: 2 } });
    expect(await pushed(holder.profileId)).toHaveLength(2);
    expect(await push(service, { ...body, measures: [weight(90)] }, key)).toEqual({ status: 409, body: { error: 'Idempotency-Key reused with another request' } });
    // Without a key, the very same value from the same service is not stored twice either.
    expect(await push(service, body)).toEqual({ status: 201, body: { stored: 0 } });
    expect(await pushed(holder.profileId)).toHaveLength(2);
  });
});

describe('CLO-3, CLO-5: closure and purge end the service link', () => {
  test('CLO-3, CLO-6: a closed profile receives nothing and its consents end; CLO-5: its purge deletes its consents and idempotency keys', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    expect((await push(service, { ins: holder.nir, measures: [weight(72.5)] }, { 'idempotency-key': 'avant-fermeture' })).status).toBe(201);
    await closeProfile(db, holder.actor, { profileId: holder.profileId, deleteData: true }, now());
    expect(await push(service, { ins: holder.nir, measures: [weight(73)] })).toEqual({ status: 403, body: { error: 'Consent not given' } });
    const count = async (table: 'service_consents' | 'service_push_requests') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('profile_id', '=', holder.profileId).executeTakeFirstOrThrow()).n);
    expect([await count('service_consents'), await count('service_push_requests')]).toEqual([1, 1]);
    // CLO-6: the consent ended with the closure; re-opening would not bring it back.
    expect(await db.selectFrom('service_consents').select('id').where('profile_id', '=', holder.profileId).where('revoked_at', 'is', null).execute()).toEqual([]);
    await runClosureJobs(db, new Date(Date.now() + 31 * 86_400_000));
    expect([await count('service_consents'), await count('service_push_requests')]).toEqual([0, 0]);
    expect(await pushed(holder.profileId)).toEqual([]);
  });
});

describe('CAT-3, CAT-9: who connects a service, and with which purposes', () => {
  test('CAT-3: a mandatory purpose must be accepted (error on its checkbox); an optional one may be declined, and later withdrawn', async () => {
    const [holder, service] = await Promise.all([aHolder(), aService()]);
    const error = await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_READ'] }, now()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'service.mandatory-purpose', field: 'finalite-MEASURES_WRITE' });
    expect(error.message).toContain('vous devez accepter « Envoyer votre poids dans Mon espace santé »');
    expect(await push(service, { ins: holder.nir, measures: [weight(72.5)] })).toMatchObject({ status: 403 });

    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE', 'MEASURES_READ'] }, now());
    await connectService(db, holder.actor, { profileId: holder.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    const live = await db.selectFrom('service_consents').select(['purpose', 'granted_by_account']).where('profile_id', '=', holder.profileId)
      .where('revoked_at', 'is', null).execute();
    expect(live).toEqual([{ purpose: 'MEASURES_WRITE', granted_by_account: holder.accountId }]);
    const [entry] = (await listCatalogue(db, holder.actor, holder.profileId, now())).filter((s) => s.id === service.id);
    expect(entry?.purposes).toEqual([
      { code: 'MEASURES_WRITE', label: 'Envoyer votre poids dans Mon espace santé', mandatory: true, consented: true },
      { code: 'MEASURES_READ', label: 'Lire vos mesures', mandatory: false, consented: false },
    ]);
    expect(await push(service, { ins: holder.nir, measures: [weight(72.5)] })).toEqual({ status: 201, body: { stored: 1 } });
  });

  test('CAT-9: an aidant cannot connect a service for the person helped (refusal traced); nothing is consented', async () => {
    const [aided, helper, service] = await Promise.all([aHolder(), aHolder(), aService()]);
    const aidant: PatientActor = { ...helper.actor, aidedProfileIds: [aided.profileId] };
    await expect(connectService(db, aidant, { profileId: aided.profileId, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now()))
      .rejects.toBeInstanceOf(AccessDeniedError);
    const refusal = await db.selectFrom('access_events').select(['outcome', 'reason', 'actor_id']).where('profile_id', '=', aided.profileId)
      .where('action', '=', 'service.connect').executeTakeFirstOrThrow();
    expect(refusal).toEqual({ outcome: 'DENIED', reason: 'aidant-not-allowed', actor_id: helper.accountId });
    await expect(disconnectService(db, aidant, { profileId: aided.profileId, serviceId: service.id }, now())).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await push(service, { ins: aided.nir, measures: [weight(72.5)] })).toMatchObject({ status: 403 });
  });

  test('CAT-9, REP-5: a representative connects a service to the child’s profile, which then receives the child’s weight', async () => {
    const t = now();
    const parent = await aHolder();
    await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
      birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
      parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: t }).execute();
    const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate: '2018-04-10', firstNames: () => 'Lina' });
    const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
      birth_date: '2018-04-10', sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: t,
      notice_sent_at: t, opposition_deadline: '2099-01-01', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
    const { code } = await issueCode(db, child.id, t);
    await activateChild(db, parent.actor, { profileId: child.id, code, certified: true }, t);
    const representative: PatientActor = { ...parent.actor, representedProfileIds: [child.id] };
    const service = await aService();

    await connectService(db, representative, { profileId: child.id, serviceId: service.id, purposes: ['MEASURES_WRITE'] }, now());
    expect(await push(service, { ins: insured!.nir, measures: [weight(21.4)] })).toEqual({ status: 201, body: { stored: 1 } });
    expect((await pushed(child.id)).map((r) => r.value)).toEqual(['21.400']);
    // The consent is the child's profile's, not the parent's.
    expect(await push(service, { ins: parent.nir, measures: [weight(70)] })).toMatchObject({ status: 403 });
  });
});
