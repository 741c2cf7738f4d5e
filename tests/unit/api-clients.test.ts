import { describe, expect, test } from 'vitest';
import { isFiness, registerClientInput } from '@/lib/api-clients/client-rules';
import { ApiAuthError } from '@/lib/api-clients/errors';
import { parseFacilityUser } from '@/lib/api-clients/facility-user';

describe('PRO-2: the X-Facility-User header names the facility’s human user', () => {
  test('a complete header gives the RPPS, given and family names, profession and specialty', () => {
    expect(parseFacilityUser('rpps=10100000009; name=Jeanne Dubois; profession=10; specialty=SM54')).toEqual({ ok: true, user: {
      rpps: '10100000009', givenName: 'Jeanne', familyName: 'Dubois', professionCode: '10', specialtyCode: 'SM54' } });
  });

  test('specialty is optional; keys are case-insensitive, in any order; a compound family name stays whole', () => {
    expect(parseFacilityUser('Profession=21;NAME=Jean-Luc  De La Tour ;rpps=10100000010')).toEqual({ ok: true, user: {
      rpps: '10100000010', givenName: 'Jean-Luc', familyName: 'De La Tour', professionCode: '21', specialtyCode: null } });
  });

  test('percent-encoded values carry accents and semicolons', () => {
    const parsed = parseFacilityUser(`rpps=10100000011; name=${encodeURIComponent('Hélène Lefèvre; Dr')}; profession=50`);
    expect(parsed).toMatchObject({ ok: true, user: { givenName: 'Hélène', familyName: 'Lefèvre; Dr' } });
  });

  test.each([
    ['rpps with 10 digits', 'rpps=1010000001; name=Jeanne Dubois; profession=10', /rpps doit compter 11 chiffres/],
    ['rpps with a letter', 'rpps=1010000000A; name=Jeanne Dubois; profession=10', /rpps doit compter 11 chiffres/],
    ['no rpps', 'name=Jeanne Dubois; profession=10', /rpps/],
    ['a single name', 'rpps=10100000009; name=Dubois; profession=10', /prénom puis le nom/],
    ['no profession', 'rpps=10100000009; name=Jeanne Dubois', /profession doit être un code TRE_G15/],
    ['a profession label instead of its code', 'rpps=10100000009; name=Jeanne Dubois; profession=Médecin', /TRE_G15/],
    ['an unknown key (typo)', 'rpps=10100000009; nom=Jeanne Dubois; profession=10', /clé « nom » inconnue/],
    ['a repeated key', 'rpps=10100000009; rpps=10100000010; name=Jeanne Dubois; profession=10', /répétée/],
    ['a part without =', 'rpps=10100000009; Jeanne Dubois; profession=10', /clé=valeur/],
    ['a broken percent-encoding', 'rpps=10100000009; name=Jeanne%E9 Dubois; profession=10', /mal encodée/],
    ['markup in the name', 'rpps=10100000009; name=Jeanne <b>Dubois</b>; profession=10', /non admis/],
    ['a bad specialty code', 'rpps=10100000009; name=Jeanne Dubois; profession=10; specialty=médecine générale', /specialty/],
    ['an oversized header', `rpps=10100000009; name=Jeanne ${'x'.repeat(600)}; profession=10`, /500 caractères/],
  ])('refused with a French message: %s', (_, header, message) => {
    const parsed = parseFacilityUser(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/^En-tête X-Facility-User : /);
      expect(parsed.message).toMatch(message);
    }
  });
});

describe('registering a software: FINESS and facility name go together', () => {
  test.each([
    ['750712184', true], ['750712185', false], ['75071218', false], ['2A0000000', true], ['2C0000000', false], ['ABCDEFGHI', false],
  ])('FINESS %s valid (Luhn key): %s', (finess, valid) => {
    expect(isFiness(finess)).toBe(valid);
  });

  test('a practice software needs only a name and an editor', () => {
    expect(registerClientInput.safeParse({ name: ' Logiciel X ', editor: 'Éditeur', finess: '', facilityName: '' }))
      .toMatchObject({ success: true, data: { name: 'Logiciel X', editor: 'Éditeur', finess: '', facilityName: '' } });
  });

  test('a facility software: the FINESS is normalised (spaces removed)', () => {
    expect(registerClientInput.safeParse({ name: 'DPI', editor: 'Éditeur', finess: '75 071 2184', facilityName: 'CH Démo' }))
      .toMatchObject({ success: true, data: { finess: '750712184', facilityName: 'CH Démo' } });
  });

  test.each([
    [{ finess: '750712185', facilityName: 'CH Démo' }, 'finess', /clé doit être juste/],
    [{ finess: '750712184', facilityName: '' }, 'facilityName', /raison sociale/],
    [{ finess: '', facilityName: 'CH Démo' }, 'finess', /numéro FINESS/],
    [{ name: ' ', finess: '' }, 'name', /nom du logiciel/],
  ])('refused: %o', (patch, field, message) => {
    const parsed = registerClientInput.safeParse({ name: 'DPI', editor: 'Éditeur', ...patch });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});

describe('ApiAuthError answers with the right challenge', () => {
  test.each([
    ['jeton-absent', 401, 'Bearer realm="mon-espace-sante"'],
    ['jeton-expire', 401, 'Bearer realm="mon-espace-sante", error="invalid_token"'],
    ['logiciel-revoque', 401, 'Bearer realm="mon-espace-sante", error="invalid_token"'],
    ['jeton-psc-invalide', 401, 'Bearer realm="mon-espace-sante"'],
    ['logiciel-sans-etablissement', 403, null],
  ] as const)('%s → %i, WWW-Authenticate %s', (code, status, challenge) => {
    const error = new ApiAuthError(code, 'message', status);
    expect(error).toMatchObject({ code, status, wwwAuthenticate: challenge, message: 'message' });
  });
});
