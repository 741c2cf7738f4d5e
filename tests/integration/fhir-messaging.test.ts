import { randomInt, randomUUID } from 'node:crypto';
import { Client, type FhirResource } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProSanteConnect } from '@/lib/dev/pro-sante-connect/server';
import { closeDb, getDb } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { authenticateApiCall } from '@/lib/api-clients/professional-identity';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { issueAccessToken } from '@/lib/api-clients/tokens';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { listConversations } from '@/lib/messaging/list-conversations';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
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
const OPTION = 'https://mon-espace-sante.example/fhir/StructureDefinition/option-reponse';
const CONVERSATION = 'https://mon-espace-sante.example/fhir/StructureDefinition/conversation';

let server: Awaited<ReturnType<typeof startFhirServer>>;
let facilityToken: string;
beforeAll(async () => {
  await ensureDefaultMatrix(db);
  server = await startFhirServer();
  const agent = await aStaffMember(db);
  const software = await registerApiClient(db, agent, {
    name: `Logiciel messagerie ${randomInt(1e9)}`, editor: 'Éditeur test', finess: '750712184', facilityName: 'Centre hospitalier de test',
  }, new Date());
  facilityToken = (await issueAccessToken(db, software, new Date())).accessToken;
});
afterAll(async () => {
  await server?.close();
  await psc.close();
  await closeDb();
});

type User = { actor: ProfessionalActor; client: Client };
async function aDoctor(): Promise<User> {
  const rpps = `1${String(randomInt(1e9)).padStart(10, '0')}`;
  const headers = { authorization: `Bearer ${facilityToken}`, 'x-facility-user': `rpps=${rpps}; name=Claire Martin${randomInt(1e6)}; profession=10` };
  const { actor } = await authenticateApiCall(db, new Headers(headers), new Date());
  return { actor, client: new Client({ baseUrl: server.url, customHeaders: headers }) };
}

/** An active patient (INS with five traits) and a doctor the patient authorised (PRO-5). */
async function aPatientAndDoctor() {
  const h = await aHolder(db, new Date());
  const ins = await insOf(db, h.profileId);
  const doctor = await aDoctor();
  await declareConsent(db, doctor.actor, { ins, patientAgreed: true }, new Date(), 'PRO');
  return { ...h, ins, doctor };
}

const communication = (profileId: string, subject: string, payload: unknown[] = [{ contentString: 'Vos résultats sont normaux.' }], extra: Record<string, unknown> = {}) => ({
  resourceType: 'Communication', status: 'completed', recipient: [{ reference: `Patient/${profileId}` }], topic: { text: subject }, payload, ...extra,
});
const pdfPayload = (name: string, bytes = PDF) => ({ contentAttachment: { contentType: 'application/pdf', title: name, data: bytes.toString('base64') } });

/** A successful answer (validated as FHIR R4), with its HTTP status and headers. */
async function sent(call: Promise<FhirResource>) {
  const resource = await call as FhirResource & Record<string, any>;
  expectValidFhir(resource);
  const response = Client.httpFor(resource).response!;
  return { resource, status: response.status, location: response.headers.get('location') };
}
async function refused(call: Promise<unknown>): Promise<{ status: number; outcome: Record<string, any> }> {
  const error = await call.then(() => undefined, (e: unknown) => e) as { response?: { status: number; data: Record<string, any> } } | undefined;
  if (!error?.response) throw new Error(`expected an HTTP error, got ${JSON.stringify(error)}`);
  expectValidFhir(error.response.data);
  return { status: error.response.status, outcome: error.response.data };
}
const messagesOf = (profileId: string) => db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
  .select(['m.id', 'm.status', 'm.body', 'c.id as conversation_id', 'c.closed_at']).where('c.profile_id', '=', profileId).orderBy('m.created_at').execute();
const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'channel'])
  .where('profile_id', '=', profileId).where('action', 'like', 'message.%').orderBy('id').execute();
const proInbox = (professionalId: string) => db.selectFrom('professional_messages').select(['subject', 'body']).where('professional_id', '=', professionalId).execute();

describe('MSG-2, MSG-4: POST Communication and GET Communication?patient', () => {
  test('a new conversation with text and a PDF → 201 + Location; the patient reads it, replies; the reply comes back in the search', async () => {
    const p = await aPatientAndDoctor();
    const created = await sent(p.doctor.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, 'Vos résultats', [{ contentString: 'Tout est normal.' }, pdfPayload('resultats.pdf')], { extension: [{ url: OPTION, valueCode: 'REPLY' }] }) }));
    expect(created.status).toBe(201);
    expect(created.location).toBe(`${server.url}/Communication/${created.resource.id}`);
    expect(created.resource).toMatchObject({ resourceType: 'Communication', status: 'completed', topic: { text: 'Vos résultats' },
      recipient: [{ reference: `Patient/${p.profileId}` }],
      payload: [{ contentString: 'Tout est normal.' }, { contentAttachment: { title: 'resultats.pdf', contentType: 'application/pdf', size: PDF.length } }] });
    expect(created.resource.extension).toContainEqual({ url: OPTION, valueCode: 'REPLY' });

    const inbox = await listConversations(db, p.actor, { profileId: p.profileId }, new Date());
    expect(inbox.items).toMatchObject([{ subject: 'Vos résultats', unread: 1 }]);
    await replyAsPatient(db, p.actor, { profileId: p.profileId, conversationId: inbox.items[0]!.id, body: 'Merci docteur.' }, new Date());

    const page1 = await sent(p.doctor.client.search({ resourceType: 'Communication', searchParams: { patient: `Patient/${p.profileId}`, _count: 1 } }));
    expect(page1.resource).toMatchObject({ type: 'searchset', total: 2 });
    const reply = page1.resource.entry[0].resource;
    expect(reply).toMatchObject({ payload: [{ contentString: 'Merci docteur.' }], sender: { reference: `Patient/${p.profileId}` },
      inResponseTo: [{ reference: `Communication/${created.resource.id}` }] });
    expect(reply.extension).toContainEqual({ url: CONVERSATION, valueString: inbox.items[0]!.id });
    const next = page1.resource.link.find((l: any) => l.relation === 'next').url as string;
    const page2 = await sent(p.doctor.client.search({ resourceType: 'Communication', searchParams: { patient: p.profileId, _count: 1, _cursor: new URL(next).searchParams.get('_cursor')! } }));
    expect(page2.resource.entry.map((e: any) => e.resource.id)).toEqual([created.resource.id]);
    expect(page2.resource.link.some((l: any) => l.relation === 'next')).toBe(false);

    // The doctor answers in the same conversation (inResponseTo the patient's reply).
    const answer = await sent(p.doctor.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, 'Re: Vos résultats', [{ contentString: 'Avec plaisir.' }], { inResponseTo: [{ reference: `Communication/${reply.id}` }] }) }));
    expect(answer.status).toBe(201);
    expect(new Set((await messagesOf(p.profileId)).map((m) => m.conversation_id)).size).toBe(1);
    expect((await traces(p.profileId)).filter((t) => t.channel === 'API').map((t) => `${t.action}:${t.outcome}`))
      .toEqual(['message.send:OK', 'message.list:OK', 'message.list:OK', 'message.send:OK']);
  });

  test('another professional sees none of these conversations and cannot reply in them', async () => {
    const p = await aPatientAndDoctor();
    const first = await sent(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Suivi') }));
    const colleague = await aDoctor();
    await declareConsent(db, colleague.actor, { ins: p.ins, patientAgreed: true }, new Date(), 'PRO');
    const theirs = await sent(colleague.client.search({ resourceType: 'Communication', searchParams: { patient: p.profileId } }));
    expect(theirs.resource.total).toBe(0);
    const hijack = await refused(colleague.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, 'Suivi', undefined, { inResponseTo: [{ reference: `Communication/${first.resource.id}` }] }) }));
    expect(hijack.status).toBe(404);
    expect(await messagesOf(p.profileId)).toHaveLength(1);
  });
});

describe('MSG-7, MSG-8: [FIN] through the API', () => {
  test.each([
    ['[FIN]', [], 'CLOSE_ONLY'],
    ['Fin de suivi [fin]', [{ contentString: '<p>&nbsp;</p>' }], 'CLOSE_ONLY'],
    ['  [Fin]  ', [{ contentString: '  \n ' }], 'CLOSE_ONLY'],
    ['[FIN] bilan', [{ contentString: 'Votre bilan est bon.' }], 'DELIVER_THEN_CLOSE'],
    ['[FIN]', [pdfPayload('compte-rendu.pdf')], 'DELIVER_THEN_CLOSE'],
    ['Suivi [FINANCE]', [{ contentString: 'Facture jointe.' }], 'NONE'],
    ['Suivi fin', [{ contentString: 'Rien de neuf.' }], 'NONE'],
  ] as const)('subject %j, payload %j → %s', async (subject, payload, expected) => {
    const p = await aPatientAndDoctor();
    const first = await sent(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Suivi') }));
    const answer = await sent(p.doctor.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, subject, [...payload], { inResponseTo: [{ reference: `Communication/${first.resource.id}` }] }) }));
    const messages = await messagesOf(p.profileId);
    if (expected === 'CLOSE_ONLY') {
      expect(answer.status).toBe(200);
      expect(answer.location).toBeNull();
      expect(answer.resource).toMatchObject({ resourceType: 'OperationOutcome',
        issue: [{ severity: 'information', diagnostics: 'La conversation est close ; rien n’a été transmis.' }] });
      expect(messages).toHaveLength(1); // nothing delivered (MSG-7)
      expect(messages[0]!.closed_at).not.toBeNull();
      expect((await traces(p.profileId)).map((t) => t.action)).toContain('message.close');
    } else {
      expect(answer.status).toBe(201);
      expect(messages).toHaveLength(2); // delivered as written (MSG-8), never silently dropped
      expect(messages[1]!.closed_at === null).toBe(expected === 'NONE');
    }
  });

  test('an empty [FIN] without a conversation, and any message in a closed conversation → 422, nothing written', async () => {
    const p = await aPatientAndDoctor();
    const orphan = await refused(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, '[FIN]', []) }));
    expect(orphan).toMatchObject({ status: 422, outcome: { issue: [{ diagnostics: expect.stringMatching(/choisissez la conversation à clore/) }] } });
    const first = await sent(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, '[FIN] Au revoir') }));
    const late = await refused(p.doctor.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, 'Encore un mot', undefined, { inResponseTo: [{ reference: `Communication/${first.resource.id}` }] }) }));
    expect(late).toMatchObject({ status: 422, outcome: { issue: [{ diagnostics: expect.stringMatching(/conversation est close/) }] } });
    expect(await messagesOf(p.profileId)).toHaveLength(1);
  });
});

describe('MSG-10, MSG-12, PRO-6: refusals', () => {
  test('invalid input → 422 with the French reason and its expression; nothing written', async () => {
    const p = await aPatientAndDoctor();
    const cases: [unknown, RegExp][] = [
      [{ ...communication(p.profileId, 'x'), topic: undefined }, /objet du message \(topic\.text\) est obligatoire/],
      [communication(p.profileId, ''), /Saisissez l’objet/],
      [communication(p.profileId, 'o'.repeat(201)), /200 caractères/],
      [communication(p.profileId, 'Objet', []), /Écrivez votre message ou joignez un document/],
      [communication(p.profileId, 'Objet', [pdfPayload('faux.pdf', Buffer.from('pas un pdf'))]), /ne correspond pas à un fichier PDF/],
      [communication(p.profileId, 'Objet', [pdfPayload('ordonnance.exe')]), /n’est pas accepté/],
      [communication(p.profileId, 'Objet', [{ contentAttachment: { contentType: 'application/pdf', title: 'a.pdf', data: '@@@' } }]), /base64/],
      [communication(p.profileId, 'Objet', undefined, { extension: [{ url: OPTION, valueCode: 'PEUT_ETRE' }] }), /MSG-4/],
      [{ ...communication(p.profileId, 'Objet'), recipient: [{ reference: 'Practitioner/123' }] }, /recipient doit désigner Patient/],
    ];
    for (const [body, reason] of cases) {
      const answer = await refused(p.doctor.client.create({ resourceType: 'Communication', body: body as any }));
      expect(answer.status, String(reason)).toBe(422);
      expect(answer.outcome.issue.map((i: any) => i.diagnostics).join(' ')).toMatch(reason);
    }
    expect(await messagesOf(p.profileId)).toHaveLength(0);
  });

  test('MSG-10: more than 10 MB of attachments in one message → 422, nothing stored', async () => {
    const p = await aPatientAndDoctor();
    const big = Buffer.concat([PDF, Buffer.alloc(3_600_000, 0x20)]);
    const answer = await refused(p.doctor.client.create({ resourceType: 'Communication',
      body: communication(p.profileId, 'Imagerie', [pdfPayload('a.pdf', big), pdfPayload('b.pdf', big), pdfPayload('c.pdf', big)]) }));
    expect(answer).toMatchObject({ status: 422, outcome: { issue: [{ diagnostics: expect.stringMatching(/10 Mo au total/) }] } });
    expect(await messagesOf(p.profileId)).toHaveLength(0);
  });

  test('not authorised, blocked (traced) → 403; unknown patient or message → 404', async () => {
    const p = await aPatientAndDoctor();
    const stranger = await aDoctor();
    const notAuthorised = await refused(stranger.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Bonjour') }));
    expect(notAuthorised.status).toBe(403);
    expect((await refused(stranger.client.search({ resourceType: 'Communication', searchParams: { patient: p.profileId } }))).status).toBe(403);
    await blockProfessional(db, p.actor, { profileId: p.profileId, professionalId: p.doctor.actor.professionalId }, new Date());
    const blocked = await refused(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Bonjour') }));
    expect(blocked.status).toBe(403);
    expect((await traces(p.profileId)).filter((t) => t.outcome === 'DENIED').length).toBeGreaterThanOrEqual(3);
    expect(await proInbox(p.doctor.actor.professionalId)).toEqual([expect.objectContaining({ subject: 'Message non distribué : Bonjour' })]);
    expect((await refused(stranger.client.create({ resourceType: 'Communication', body: communication(randomUUID(), 'Bonjour') }))).status).toBe(404);
    const other = await aPatientAndDoctor();
    const unknownMessage = await refused(other.doctor.client.create({ resourceType: 'Communication',
      body: communication(other.profileId, 'Re', undefined, { inResponseTo: [{ reference: `Communication/${randomUUID()}` }] }) }));
    expect(unknownMessage.status).toBe(404);
    expect(await messagesOf(p.profileId)).toHaveLength(0);
  });

  test('MSG-12: a non-ACTIVE profile → 422 with the reason and a non-delivery notice; SUSPENDED → 202 held', async () => {
    const p = await aPatientAndDoctor();
    await db.updateTable('profiles').set({ state: 'SUSPENDED' }).where('id', '=', p.profileId).execute();
    const held = await sent(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Rappel vaccin') }));
    expect(held.status).toBe(202);
    expect(held.location).toMatch(/\/Communication\/[0-9a-f-]{36}$/);
    expect(held.resource).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', diagnostics: expect.stringMatching(/suspendu/) }] });
    expect((await messagesOf(p.profileId)).map((m) => m.status)).toEqual(['HELD']);
    const search = await sent(p.doctor.client.search({ resourceType: 'Communication', searchParams: { patient: p.profileId } }));
    expect(search.resource.entry[0].resource.status).toBe('on-hold');

    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', p.profileId).execute();
    const closed = await refused(p.doctor.client.create({ resourceType: 'Communication', body: communication(p.profileId, 'Résultats') }));
    expect(closed.status).toBe(422);
    expect(closed.outcome.issue[0].diagnostics).toMatch(/n’est pas actif.*MSG-12/);
    expect((await messagesOf(p.profileId))).toHaveLength(1);
    expect((await proInbox(p.doctor.actor.professionalId)).map((m) => m.subject)).toEqual(['Message en attente : Rappel vaccin', 'Message non distribué : Résultats']);
  });
});
