import { randomInt } from 'node:crypto';
import { Client, type FhirResource } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProSanteConnect } from '@/lib/dev/pro-sante-connect/server';
import { closeDb, getDb } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { authenticateApiCall } from '@/lib/api-clients/professional-identity';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { issueAccessToken } from '@/lib/api-clients/tokens';
import { isFiness } from '@/lib/api-clients/client-rules';
import { startPharmacyConversation } from '@/lib/messaging/start-pharmacy-conversation';
import { writeToPatient } from '@/lib/messaging/write-to-patient';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { aHolder, aStaffMember, insOf } from '../factories';
import { startFhirServer } from '../support/fhir-server';
import { expectValidFhir } from '../support/fhir-validate';

// As in fhir-api.test.ts: the stand-in Pro Santé Connect runs before anything reads the configuration.
const PSC_CLIENT = { id: 'mes-local', secret: 'mes-local-secret', redirectUri: 'http://localhost:3000/api/auth/callback/psc' };
const psc = await startProSanteConnect({ port: 0, redirectUris: [PSC_CLIENT.redirectUri] });
process.env.PSC_ISSUER = psc.url;
process.env.PSC_CLIENT_ID = PSC_CLIENT.id;

const db = getDb();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let server: Awaited<ReturnType<typeof startFhirServer>>;
afterAll(async () => {
  await server?.close();
  await psc.close();
  await closeDb();
});
beforeAll(async () => {
  await ensureDefaultMatrix(db);
  server = await startFhirServer();
});

type User = { actor: ProfessionalActor; client: Client; headers: Record<string, string> };
/** Software registered for a facility (PRO-2: a hospital, or a pharmacy by its FINESS) and one of its users. */
async function aFacilityUser(finess: string, facilityName: string, profession: string): Promise<User> {
  const software = await registerApiClient(db, await aStaffMember(db), { name: `Logiciel ${randomInt(1e9)}`, editor: 'Éditeur test', finess, facilityName }, new Date());
  const token = (await issueAccessToken(db, software, new Date())).accessToken;
  const headers = { authorization: `Bearer ${token}`, 'x-facility-user': `rpps=1${String(randomInt(1e9)).padStart(10, '0')}; name=Camille Test${randomInt(1e6)}; profession=${profession}` };
  const { actor } = await authenticateApiCall(db, new Headers(headers), new Date());
  return { actor, client: new Client({ baseUrl: server.url, customHeaders: headers }), headers };
}

/** A FINESS with its Luhn key (isFiness). */
function aFiness(): string {
  const body = `69${String(randomInt(1e6)).padStart(6, '0')}`;
  for (let key = 0; key < 10; key++) if (isFiness(`${body}${key}`)) return `${body}${key}`;
  throw new Error('unreachable');
}
async function aPharmacy() {
  const finess = aFiness();
  await db.insertInto('pharmacies').values({ finess, name: 'Pharmacie du Centre', city: 'Lyon', organisational_mailbox: true }).execute();
  return finess;
}

async function read(client: Client, id: string) {
  const resource = await client.read({ resourceType: 'Communication', id }) as FhirResource & Record<string, any>;
  expectValidFhir(resource);
  return resource;
}
async function status(call: Promise<unknown>): Promise<number> {
  const error = await call.then(() => undefined, (e: unknown) => e) as { response?: { status: number } } | undefined;
  if (!error?.response) throw new Error('expected an HTTP error');
  return error.response.status;
}
const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'channel'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

describe('GET Communication/{id} and its attachments (MSG-2, MSG-3(b), MSG-10)', () => {
  test('the doctor reads their message with the url of its attachment; the bytes (raw and Binary) are traced; another doctor gets 404, traced', async () => {
    const h = await aHolder(db, new Date());
    const doctor = await aFacilityUser('750712184', 'Centre hospitalier de test', '10');
    await declareConsent(db, doctor.actor, { ins: await insOf(db, h.profileId), patientAgreed: true }, new Date(), 'PRO');
    const sent = await writeToPatient(db, doctor.actor, { profileId: h.profileId, subject: 'Compte rendu', body: 'Ci-joint.', replyOption: 'NO_REPLY',
      files: [{ name: 'cr.pdf', bytes: PDF }] }, new Date(), 'PRO');
    const resource = await read(doctor.client, sent.messageId!);
    expect(resource).toMatchObject({ resourceType: 'Communication', id: sent.messageId, topic: { text: 'Compte rendu' },
      recipient: [{ reference: `Patient/${h.profileId}` }], payload: [{ contentString: 'Ci-joint.' }, { contentAttachment: { title: 'cr.pdf', size: PDF.length } }] });
    const url = resource.payload[1].contentAttachment.url as string;
    expect(url).toMatch(new RegExp(`^${server.url}/Communication/${sent.messageId}/attachment/[0-9a-f-]{36}$`));
    const raw = await fetch(url, { headers: doctor.headers });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(PDF);
    const binary = await (await fetch(url, { headers: { ...doctor.headers, accept: 'application/fhir+json' } })).json();
    expect(binary).toMatchObject({ resourceType: 'Binary', contentType: 'application/pdf', data: PDF.toString('base64') });
    expect(await traces(h.profileId, 'message.read')).toEqual([{ outcome: 'OK', reason: null, channel: 'API' }]);
    expect(await traces(h.profileId, 'message.attachment.read')).toHaveLength(2);

    const colleague = await aFacilityUser('750712184', 'Centre hospitalier de test', '10');
    await declareConsent(db, colleague.actor, { ins: await insOf(db, h.profileId), patientAgreed: true }, new Date(), 'PRO');
    expect(await status(colleague.client.read({ resourceType: 'Communication', id: sent.messageId! }))).toBe(404);
    expect((await fetch(url, { headers: colleague.headers })).status).toBe(404);
    expect(await status(colleague.client.read({ resourceType: 'Communication', id: '00000000-0000-4000-8000-000000000000' }))).toBe(404);
    expect((await traces(h.profileId, 'message.read')).filter((t) => t.outcome === 'DENIED')).toEqual([{ outcome: 'DENIED', reason: 'no-target', channel: 'API' }]);
  });

  test('MSG-3(b): the pharmacy’s software reads the patient’s message and its prescription; another pharmacy gets 404, traced', async () => {
    const h = await aHolder(db, new Date());
    const finess = await aPharmacy();
    await db.insertInto('care_episodes').values({ profile_id: h.profileId, claim_line_id: `fhir-pharma-${randomInt(1e12)}`, care_date: new Date().toISOString().slice(0, 10),
      category: 'MEDICINE', label: 'Amoxicilline', prescriber_specialty: null, dispenser_finess: finess, import_id: null }).execute();
    const { conversationId } = await startPharmacyConversation(db, h.actor, { profileId: h.profileId, finess, subject: 'Ordonnance', body: 'À préparer.',
      files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, new Date());
    const message = await db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
    const pharmacist = await aFacilityUser(finess, 'Pharmacie du Centre', '21');
    const resource = await read(pharmacist.client, message.id);
    expect(resource).toMatchObject({ sender: { reference: `Patient/${h.profileId}` }, payload: [{ contentString: 'À préparer.' }, { contentAttachment: { title: 'ordonnance.pdf' } }] });
    const bytes = await fetch(resource.payload[1].contentAttachment.url, { headers: pharmacist.headers });
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PDF);

    const other = await aFacilityUser(await aPharmacy(), 'Pharmacie du Centre', '21');
    expect(await status(other.client.read({ resourceType: 'Communication', id: message.id }))).toBe(404);
    expect((await fetch(resource.payload[1].contentAttachment.url, { headers: other.headers })).status).toBe(404);
    expect((await traces(h.profileId, 'message.read')).map((t) => `${t.outcome}:${t.reason ?? ''}`)).toEqual(['OK:', 'DENIED:pro-other-pharmacy']);
  });
});
