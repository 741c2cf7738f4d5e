import { describe, test, expect } from 'vitest';
import { checkIdentifiant, checkPassword, checkVitaleSerial, type PasswordContext } from '@/lib/auth/credential-rules';

describe('ACT-3 Vitale serial', () => {
  test('ACT-3: 11 digits (card with photo) are accepted, spaces ignored', () => {
    expect(checkVitaleSerial('12345678901')).toBeNull();
    expect(checkVitaleSerial('123 456 789 01')).toBeNull();
  });

  test('ACT-3: 8 and 13 digits (card without photo) are accepted', () => {
    expect(checkVitaleSerial('12345678')).toBeNull();
    expect(checkVitaleSerial('1234567890123')).toBeNull();
  });

  test('ACT-3: 7 or 14 digits are refused with a French message', () => {
    expect(checkVitaleSerial('1234567')).toMatch(/8 à 13 chiffres/);
    expect(checkVitaleSerial('12345678901234')).toMatch(/8 à 13 chiffres/);
  });

  test('ACT-3: letters or an empty field are refused', () => {
    expect(checkVitaleSerial('1234567890A')).toMatch(/que des chiffres/);
    expect(checkVitaleSerial('   ')).toMatch(/Saisissez/);
  });
});

describe('ACT-7 identifiant', () => {
  test('ACT-7: 8+ characters of letters, digits, dot, hyphen and underscore are accepted', () => {
    expect(checkIdentifiant('jean.dupont_75-b')).toEqual([]);
    expect(checkIdentifiant('Abcdefgh')).toEqual([]);
  });

  test('ACT-7: fewer than 8 characters are refused', () => {
    expect(checkIdentifiant('abc1234')).toEqual(['L’identifiant doit comporter au moins 8 caractères.']);
  });

  test('ACT-7: accents and other special characters are refused', () => {
    expect(checkIdentifiant('hélène1234')[0]).toMatch(/lettres sans accent/);
    expect(checkIdentifiant('jean dupont')[0]).toMatch(/lettres sans accent/);
    expect(checkIdentifiant('jean+dupont')[0]).toMatch(/lettres sans accent/);
  });

  test('ACT-7: an email address is refused with one targeted message', () => {
    expect(checkIdentifiant('jean.dupont@example.fr')).toEqual(['L’identifiant ne doit pas être une adresse e-mail.']);
  });

  test('ACT-7: a NIR is refused, with or without separators, even with a wrong key or no key', () => {
    const nirMsg = 'L’identifiant ne doit pas être un numéro de sécurité sociale.';
    expect(checkIdentifiant('295109912611193')).toContain(nirMsg);
    expect(checkIdentifiant('2.95.10.99.126.111.93')).toContain(nirMsg);
    expect(checkIdentifiant('253072B07300471')).toContain(nirMsg);
    expect(checkIdentifiant('2951099126111')).toContain(nirMsg);
  });

  test('ACT-7: an IBAN is refused', () => {
    expect(checkIdentifiant('FR7630006000011234567890189')).toContain(
      'L’identifiant ne doit pas être un numéro de compte bancaire (IBAN).',
    );
  });

  test('ACT-7: a long digit string that is not NIR- or IBAN-shaped is accepted', () => {
    expect(checkIdentifiant('123456789012')).toEqual([]);
  });
});

describe('ACT-8 password', () => {
  const ctx: PasswordContext = {
    identifiant: 'hdurand75',
    birthName: 'Le Bihan-Durand',
    firstNames: 'Hélène Marie Jo',
    birthDate: '1984-07-09',
  };

  test('ACT-8: a 9+ character password with lower, upper, digit and special character is accepted', () => {
    expect(checkPassword('Vent-Du-Nord!42', ctx)).toEqual([]);
  });

  test('ACT-8: 8 characters are too short, 9 are enough, 129 too long', () => {
    expect(checkPassword('Ab3!efgh', ctx)).toContain('Le mot de passe doit comporter entre 9 et 128 caractères.');
    expect(checkPassword('Ab3!efghi', ctx)).toEqual([]);
    expect(checkPassword('Ab3!' + 'x'.repeat(125), ctx)).toContain('Le mot de passe doit comporter entre 9 et 128 caractères.');
    expect(checkPassword('Ab3!' + 'x'.repeat(124), ctx)).toEqual([]);
  });

  test('ACT-8: each missing character class gets its own message', () => {
    expect(checkPassword('abcdefgh1!', ctx)).toEqual(['Le mot de passe doit contenir au moins une lettre majuscule.']);
    expect(checkPassword('ABCDEFGH1!', ctx)).toEqual(['Le mot de passe doit contenir au moins une lettre minuscule.']);
    expect(checkPassword('Abcdefghi!', ctx)).toEqual(['Le mot de passe doit contenir au moins un chiffre.']);
    expect(checkPassword('Abcdefghi1', ctx)[0]).toMatch(/caractère spécial/);
  });

  test('ACT-8: the identifiant is refused inside the password, case-insensitively', () => {
    expect(checkPassword('xx-HDURAND75-Yz!', ctx)).toContain('Le mot de passe ne doit pas contenir votre identifiant.');
  });

  test('ACT-8: any part of the birth name is refused, case- and accent-insensitively', () => {
    const msg = 'Le mot de passe ne doit pas contenir votre nom de naissance.';
    expect(checkPassword('Bihan!2024xx', ctx)).toContain(msg);
    expect(checkPassword('Q!9durandzz', ctx)).toContain(msg);
  });

  test('ACT-8: any first name of 3+ letters is refused, accent-insensitively; shorter ones are allowed', () => {
    const msg = 'Le mot de passe ne doit pas contenir votre prénom.';
    expect(checkPassword('HELENE!x99q', ctx)).toContain(msg);
    expect(checkPassword('Q!9mariezz', ctx)).toContain(msg);
    expect(checkPassword('Jo-Ker!99q', ctx)).not.toContain(msg);
  });

  test('ACT-8: the birth date as DDMMYYYY or the birth year is refused', () => {
    const msg = 'Le mot de passe ne doit pas contenir votre date ni votre année de naissance.';
    expect(checkPassword('Zz!09071984', ctx)).toContain(msg);
    expect(checkPassword('Zz!qw1984x', ctx)).toContain(msg);
    expect(checkPassword('Zz!qw1985x', ctx)).not.toContain(msg);
  });
});
