import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { startActivation } from '@/lib/accounts/start-activation';
import { findOpposableProfiles } from '@/lib/oppositions/identify';
import { opposeOnline } from '@/lib/oppositions/oppose';
import { findReceipt, renderReceiptPdf } from '@/lib/oppositions/receipt';
import { aPendingPerson, type PendingPerson } from '../factories';

const db = getDb();
afterAll(() => closeDb());

/** A parent and a child, both PENDING, the child attached to the parent principal (CMP-2). */
async function family() {
  const parent = await aPendingPerson(db, new Date(), { firstNames: 'Nadia', birthName: 'BENALI' });
  const child = await aPendingPerson(db, new Date(), { firstNames: 'Yanis', birthName: 'BENALI' });
  const insured = (p: PendingPerson, parentNir: string | null) => ({
    nir: p.nir, vitale_serial: p.vitaleSerial, birth_name: 'BENALI', first_names: 'X', birth_date: p.birthDate, sex: 1, birth_place: '75056',
    departement: '75', email: null, mobile: null, postal_address: 'adresse', parent_nir: parentNir, ase: false, has_dmp: false, row_hash: 'x',
    last_import_id: null, updated_at: new Date(),
  });
  await db.insertInto('insured_people').values([insured(parent, null), insured(child, parent.nir)]).execute();
  return { parent, child, identity: { nir: parent.nir, vitaleSerial: parent.vitaleSerial, cardType: 'photo' as const } };
}
const stateOf = async (id: string) => (await db.selectFrom('profiles').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

describe('OPP: opposition on the web', () => {
  test('OPP-3, OPP-5: the carte Vitale (no code) identifies the person, who sees themself and their attached child', async () => {
    const { parent, child, identity } = await family();
    const list = await findOpposableProfiles(db, identity);
    expect(list.map((p) => [p.id, p.relation])).toEqual([[parent.profileId, 'SELF'], [child.profileId, 'CHILD']]);
    await expect(findOpposableProfiles(db, { ...identity, vitaleSerial: '10987654321' })).rejects.toMatchObject({ code: 'opposition.identity' });
    await expect(findOpposableProfiles(db, { ...identity, cardType: 'photo', vitaleSerial: '123456789' })).rejects.toMatchObject({ field: 'vitaleSerial' });
  });

  test('OPP-5, OPP-7, ACC-2 T2: only the ticked child is OPPOSED; its codes stop working; the parent stays PENDING', async () => {
    const { parent, child, identity } = await family();
    const [oppositionId] = await opposeOnline(db, identity, [child.profileId], new Date());
    expect(await stateOf(child.profileId)).toBe('OPPOSED');
    expect(await stateOf(parent.profileId)).toBe('PENDING');
    await expect(startActivation(db, { nir: child.nir, vitaleSerial: child.vitaleSerial, birthDate: child.birthDate, code: child.code }, new Date()))
      .rejects.toMatchObject({ code: 'activation.mismatch' });
    const traces = await db.selectFrom('access_events').select(['action', 'actor_type', 'outcome']).where('profile_id', '=', child.profileId)
      .where('action', '=', 'profile.oppose').execute();
    expect(traces).toEqual([{ action: 'profile.oppose', actor_type: 'PATIENT', outcome: 'OK' }]);
    // OPP-6: a receipt with a unique number, the masked NIR and the channel.
    const receipt = await findReceipt(db, oppositionId!);
    expect(receipt.number).toMatch(/^OPP-\d{4}-\d{8}$/);
    expect(receipt.nirMasked).toContain('••');
    const pdf = Buffer.from(await renderReceiptPdf(receipt));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  test('OPP-4, OPP-8: a profile already CREATED cannot be opposed; the whole request is refused and nothing changes', async () => {
    const { parent, child, identity } = await family();
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', child.profileId).execute();
    await expect(opposeOnline(db, identity, [parent.profileId, child.profileId], new Date()))
      .rejects.toMatchObject({ code: 'opposition.not-pending', message: expect.stringContaining('déjà été créé') });
    expect(await stateOf(parent.profileId)).toBe('PENDING');
    expect(await db.selectFrom('oppositions').select('id').where('profile_id', '=', parent.profileId).execute()).toEqual([]);
    const denied = await db.selectFrom('access_events').select('reason').where('profile_id', '=', child.profileId).where('outcome', '=', 'DENIED').execute();
    expect(denied).toEqual([{ reason: 'not-pending' }]);
  });

  test('OPP-5: a profile that is not one of the person’s cannot be slipped into the request', async () => {
    const { identity } = await family();
    const stranger = await aPendingPerson(db);
    await expect(opposeOnline(db, identity, [stranger.profileId], new Date())).rejects.toMatchObject({ code: 'opposition.unknown' });
    expect(await stateOf(stranger.profileId)).toBe('PENDING');
  });
});
