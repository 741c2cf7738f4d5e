import { describe, expect, test } from 'vitest';
import { renderEmail } from '@/emails';
import { checkPassword } from '@/lib/auth/credential-rules';
import {
  PASSWORD_LINK_VALIDITY_MS, advisorDisplayName, advisorPasswordContext, advisorState, createAdvisorInput, decodeAdvisorCursor,
  encodeAdvisorCursor, passwordLinkExpiry, passwordLinkState,
} from '@/lib/france-services/advisor-rules';

const now = new Date('2026-11-29T10:00:00Z');
const link = (over: Partial<{ expiresAt: Date; usedAt: Date | null; voidedAt: Date | null }> = {}) =>
  ({ expiresAt: passwordLinkExpiry(now), usedAt: null, voidedAt: null, ...over });

describe('FS-1: the set-password link is single-use and valid 72 hours', () => {
  test('FS-1: a link sent now expires 72 hours later, to the millisecond', () => {
    expect(PASSWORD_LINK_VALIDITY_MS).toBe(72 * 3600_000);
    expect(passwordLinkExpiry(now).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(passwordLinkState(link(), new Date(now.getTime() + PASSWORD_LINK_VALIDITY_MS - 1))).toBe('usable');
    expect(passwordLinkState(link(), new Date(now.getTime() + PASSWORD_LINK_VALIDITY_MS))).toBe('expired');
  });
  test('FS-1: a used link is refused as used, even later; a voided one as void', () => {
    expect(passwordLinkState(link({ usedAt: now }), new Date(now.getTime() + 100 * 3600_000))).toBe('used');
    expect(passwordLinkState(link({ voidedAt: now }), now)).toBe('void');
  });
});

describe('FS-1: account states', () => {
  test.each([
    [{ passwordSetAt: null, deactivatedAt: null }, 'INVITED'],
    [{ passwordSetAt: now, deactivatedAt: null }, 'ACTIVE'],
    [{ passwordSetAt: now, deactivatedAt: now }, 'DEACTIVATED'],
    [{ passwordSetAt: null, deactivatedAt: now }, 'DEACTIVATED'],
  ] as const)('FS-1: %o is %s', (a, expected) => expect(advisorState(a)).toBe(expected));
});

describe('FS-1: the back-office creation form', () => {
  const valid = { givenName: ' Lucie ', familyName: 'Moreau-Petit', email: ' Lucie.Moreau@France-Services.fr ', siteId: '6f1c1f3e-3c55-4c4b-9d8e-2f2f5d3e1a10' };
  test('FS-1: the email is trimmed and lower-cased (it is also the identifiant); the name is shown « Prénom NOM »', () => {
    const parsed = createAdvisorInput.parse(valid);
    expect(parsed.email).toBe('lucie.moreau@france-services.fr');
    expect(advisorDisplayName(parsed.givenName, parsed.familyName)).toBe('Lucie MOREAU-PETIT');
  });
  test.each([
    ['email', { email: 'lucie.moreau' }, 'Saisissez une adresse électronique valide, par exemple prenom.nom@france-services.fr.'],
    ['email', { email: '' }, 'Saisissez l’adresse électronique professionnelle du conseiller.'],
    ['givenName', { givenName: '' }, 'Saisissez le prénom du conseiller.'],
    ['familyName', { familyName: 'Moreau 2' }, 'Utilisez seulement des lettres, des espaces, des apostrophes et des tirets.'],
    ['siteId', { siteId: '' }, 'Choisissez l’espace France Services du conseiller.'],
  ])('FS-1: a wrong %s is refused in French on its field', (field, over, message) => {
    const parsed = createAdvisorInput.safeParse({ ...valid, ...over });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: [field], message });
  });
});

describe('FS-1, ACT-8: the advisor’s password follows the password rules', () => {
  const ctx = advisorPasswordContext({ identifiant: 'lucie.moreau@fs.fr', displayName: 'Lucie MOREAU' });
  test('FS-1: the advisor’s first name and name are forbidden in the password', () => {
    expect(checkPassword('Lucie-Secret-2026', ctx)).toContain('Le mot de passe ne doit pas contenir votre prénom.');
    expect(checkPassword('Moreau-Secret-2026', ctx)).toContain('Le mot de passe ne doit pas contenir votre nom de naissance.');
    expect(checkPassword('Tournesol-Bleu-42', ctx)).toEqual([]);
  });
});

describe('FS-1: the list’s keyset cursor', () => {
  test('FS-1: a cursor round-trips; a tampered one is ignored (first page)', () => {
    const c = { n: 'lucie moreau', id: '6f1c1f3e-3c55-4c4b-9d8e-2f2f5d3e1a10' };
    expect(decodeAdvisorCursor(encodeAdvisorCursor(c))).toEqual(c);
    expect(decodeAdvisorCursor('pas-un-curseur')).toBeUndefined();
    expect(decodeAdvisorCursor(Buffer.from(JSON.stringify({ n: 'x', id: "1' or 1=1" })).toString('base64url'))).toBeUndefined();
  });
});

describe('FS-1: « Votre compte conseiller France Services »', () => {
  test('FS-1: the email carries the single-use link (from the sealed token), its deadline and the identifiant, in HTML and plain text', async () => {
    const mail = await renderEmail({ template: 'advisor-account', to: 'lucie@fs.fr', data: {
      name: 'Lucie MOREAU', siteName: 'France Services de Guéret', identifiant: 'lucie@fs.fr', purpose: 'invite',
      appUrl: 'https://mes.exemple.fr', expiresAt: '2026-12-02T10:00:00.000Z',
    } }, { token: 'abc_DEF-123' });
    expect(mail.subject).toBe('Votre compte conseiller France Services');
    const url = 'https://mes.exemple.fr/accompagnement/connexion/mot-de-passe?jeton=abc_DEF-123';
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(url);
    expect(mail.text).toContain('mercredi 2 décembre 2026 à 11:00');
    expect(mail.text).toContain('lucie@fs.fr');
    const reset = await renderEmail({ template: 'advisor-account', to: 'lucie@fs.fr', data: {
      name: 'Lucie MOREAU', siteName: 'France Services de Guéret', identifiant: 'lucie@fs.fr', purpose: 'reset',
      appUrl: 'https://mes.exemple.fr', expiresAt: '2026-12-02T10:00:00.000Z',
    } }, { token: 't' });
    expect(reset.subject).toMatch(/^Votre compte conseiller France Services : choisissez un nouveau mot de passe$/);
    expect(reset.text).toContain('ne fonctionne plus');
  });
});
