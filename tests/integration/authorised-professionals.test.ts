import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { AuthorisationBasis, CareTeamGround } from '@/db/schema';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { endAuthorisation, listAuthorisedProfessionals } from '@/lib/confidentiality/authorised-professionals';
import { blockProfessional, unblockProfessional } from '@/lib/confidentiality/professional-blocks';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { aHolder } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const consultedAt = new Date('2026-11-29T08:30:00Z');
const now = new Date('2026-11-29T10:00:00Z');

async function aProfessional(over: { given_name?: string; family_name?: string; profession_code?: string; profession_label?: string; city?: string } = {}) {
  const rpps = String(30_000_000_000 + randomInt(1e9));
  const row = await db.insertInto('professionals').values({ rpps, given_name: 'Claire', family_name: `Martin${rpps.slice(-4)}`, profession_code: '10',
    profession_label: 'Médecin', email: null, last_login_at: null, city: 'Paris', ...over }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The professional side records these (PRO-4, PRO-5); here they are written directly. */
async function anAuthorisation(profileId: string, professionalId: string, basis: AuthorisationBasis = 'CONSENT',
  at = consultedAt, ground: CareTeamGround | null = basis === 'CARE_TEAM' ? 'NAMED' : null) {
  await db.insertInto('professional_authorisations').values({ profile_id: profileId, professional_id: professionalId, basis,
    care_team_ground: ground, granted_at: at, last_attested_at: at, ended_at: null, ended_by: null }).execute();
}

const rowsOf = (profileId: string, professionalId: string) => db.selectFrom('professional_authorisations')
  .select(['ended_at', 'ended_by']).where('profile_id', '=', profileId).where('professional_id', '=', professionalId).orderBy('granted_at').execute();
const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

describe('PRO-4, PRO-5: the patient sees who is authorised and removes an authorisation', () => {
  test('PRO-5: a consent is listed with its date, a care-team member with its attestation; ended ones and other profiles are not', async () => {
    const patient = await aHolder(db);
    const other = await aHolder(db);
    const gp = await aProfessional({ given_name: 'Claire', city: 'Paris' });
    const nurse = await aProfessional({ given_name: 'Inès', family_name: 'Petit', profession_code: '60', profession_label: 'Infirmier', city: 'Limoges' });
    const former = await aProfessional({ given_name: 'Ancien' });
    await anAuthorisation(patient.profileId, gp, 'CONSENT', consultedAt);
    await anAuthorisation(patient.profileId, nurse, 'CARE_TEAM', new Date('2026-11-20T09:00:00Z'));
    await db.insertInto('professional_authorisations').values({ profile_id: patient.profileId, professional_id: former, basis: 'CONSENT',
      care_team_ground: null, granted_at: new Date('2026-10-01T09:00:00Z'), last_attested_at: new Date('2026-10-01T09:00:00Z'),
      ended_at: new Date('2026-10-02T09:00:00Z'), ended_by: patient.accountId }).execute();
    await anAuthorisation(other.profileId, former);

    const list = await listAuthorisedProfessionals(db, patient.actor, patient.profileId, now);
    expect(list).toEqual([
      expect.objectContaining({ id: gp, given_name: 'Claire', profession_label: 'Médecin', city: 'Paris', basis: 'CONSENT', granted_at: consultedAt }),
      expect.objectContaining({ id: nurse, given_name: 'Inès', family_name: 'Petit', profession_label: 'Infirmier', city: 'Limoges', basis: 'CARE_TEAM',
        care_team_ground: 'NAMED', granted_at: new Date('2026-11-20T09:00:00Z') }),
    ]);
  });

  test('PRO-5: the holder removes a consent: the row is kept with its end, traced; a second removal finds nothing', async () => {
    const patient = await aHolder(db);
    const gp = await aProfessional();
    await anAuthorisation(patient.profileId, gp);
    await endAuthorisation(db, patient.actor, { profileId: patient.profileId, professionalId: gp }, now);

    expect(await listAuthorisedProfessionals(db, patient.actor, patient.profileId, now)).toEqual([]);
    expect(await rowsOf(patient.profileId, gp)).toEqual([{ ended_at: now, ended_by: patient.accountId }]);
    expect(await traces(patient.profileId, 'professional.authorisation.end')).toEqual([{ outcome: 'OK', reason: null, target_id: gp }]);
    await expect(endAuthorisation(db, patient.actor, { profileId: patient.profileId, professionalId: gp }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(endAuthorisation(db, patient.actor, { profileId: patient.profileId, professionalId: 'pas-un-identifiant' }, now))
      .rejects.toBeInstanceOf(NotFoundError);
  });

  test('REP-1: a representative lists and removes an authorisation on the profile they represent', async () => {
    const patient = await aHolder(db);
    const parent = await aHolder(db);
    const representative: PatientActor = { ...parent.actor, representedProfileIds: [patient.profileId] };
    const gp = await aProfessional();
    await anAuthorisation(patient.profileId, gp);
    expect((await listAuthorisedProfessionals(db, representative, patient.profileId, now)).map((p) => p.id)).toEqual([gp]);
    await endAuthorisation(db, representative, { profileId: patient.profileId, professionalId: gp }, now);
    expect(await rowsOf(patient.profileId, gp)).toEqual([{ ended_at: now, ended_by: parent.accountId }]);
  });

  test('AID-4, FS-4: an aidant, another patient and an advisor can neither see nor remove; each refusal is traced and the consent stays', async () => {
    const patient = await aHolder(db);
    const helper = await aHolder(db);
    const stranger = await aHolder(db);
    const aidant: Actor = { ...helper.actor, aidedProfileIds: [patient.profileId] };
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    const gp = await aProfessional();
    await anAuthorisation(patient.profileId, gp);

    for (const actor of [aidant, stranger.actor, advisor]) {
      await expect(listAuthorisedProfessionals(db, actor, patient.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(endAuthorisation(db, actor, { profileId: patient.profileId, professionalId: gp }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await rowsOf(patient.profileId, gp)).toEqual([{ ended_at: null, ended_by: null }]);
    const refused = [{ outcome: 'DENIED', reason: 'aidant-not-allowed', target_id: null }, { outcome: 'DENIED', reason: 'not-holder', target_id: null },
      { outcome: 'DENIED', reason: 'advisor-no-medical', target_id: null }];
    expect(await traces(patient.profileId, 'professional.authorisation.list')).toEqual(refused);
    expect(await traces(patient.profileId, 'professional.authorisation.end')).toEqual(refused);
  });
});

describe('PRO-7: blocking ends the authorisation', () => {
  test('PRO-7: blocking ends the live authorisation; unblocking leaves the professional without one until a new consent', async () => {
    const patient = await aHolder(db);
    const gp = await aProfessional();
    const other = await aProfessional({ given_name: 'Paul' });
    await anAuthorisation(patient.profileId, gp);
    await anAuthorisation(patient.profileId, other);

    await blockProfessional(db, patient.actor, { profileId: patient.profileId, professionalId: gp }, now);
    expect(await rowsOf(patient.profileId, gp)).toEqual([{ ended_at: now, ended_by: patient.accountId }]);
    // Only the blocked professional loses the authorisation.
    expect((await listAuthorisedProfessionals(db, patient.actor, patient.profileId, now)).map((p) => p.id)).toEqual([other]);

    const later = new Date(now.getTime() + 3600_000);
    await unblockProfessional(db, patient.actor, { profileId: patient.profileId, professionalId: gp }, later);
    expect((await listAuthorisedProfessionals(db, patient.actor, patient.profileId, later)).map((p) => p.id)).toEqual([other]);
    expect(await db.selectFrom('professional_authorisations').select('id').where('profile_id', '=', patient.profileId)
      .where('professional_id', '=', gp).where('ended_at', 'is', null).execute()).toEqual([]);

    // A new consent at a later consultation makes them « Autorisé » again, from that date.
    const nextConsultation = new Date(later.getTime() + 86_400_000);
    await anAuthorisation(patient.profileId, gp, 'CONSENT', nextConsultation);
    expect((await listAuthorisedProfessionals(db, patient.actor, patient.profileId, nextConsultation)).find((p) => p.id === gp))
      .toMatchObject({ basis: 'CONSENT', granted_at: nextConsultation });
    expect(await rowsOf(patient.profileId, gp)).toHaveLength(2);
  });
});
