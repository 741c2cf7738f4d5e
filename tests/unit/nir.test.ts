import { describe, test, expect } from 'vitest';
import { InvalidNirError, isValidNir, maskNir, nirKey, normalizeNir, parseNir } from '@/lib/identity/nir';

function reasonOf(input: string): string | undefined {
  try {
    parseNir(input);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidNirError);
    const err = e as InvalidNirError;
    expect(err.code).toBe('nir.invalid');
    expect(err.field).toBe('nir');
    return err.reason;
  }
}

describe('ID-5 test vectors', () => {
  test('ID-5: 295109912611193 (born abroad) is valid with key 93 and département 99', () => {
    const p = parseNir('295109912611193');
    expect(nirKey('2951099126111')).toBe('93');
    expect(p).toMatchObject({ key: '93', sex: 2, birthYear2: '95', birthMonth: '10', departement: '99', bornAbroad: true });
  });

  test('ID-5: 253072B07300470 is valid, 2B counted as 18 (key 70)', () => {
    expect(nirKey('253072B073004')).toBe('70');
    expect(parseNir('253072B07300470')).toMatchObject({ departement: '2B', key: '70', bornAbroad: false });
  });

  test('ID-5: 253072A07300443 is valid, 2A counted as 19 (key 43)', () => {
    expect(nirKey('253072A073004')).toBe('43');
    expect(parseNir('253072A07300443')).toMatchObject({ departement: '2A', key: '43' });
  });

  test('ID-5: 255081416802538 is valid with key 38', () => {
    expect(parseNir('255081416802538')).toMatchObject({ body: '2550814168025', key: '38', departement: '14' });
  });

  test('ID-5: 100017510100151 is valid with key 51', () => {
    expect(parseNir('100017510100151')).toMatchObject({ sex: 1, birthMonth: '01', departement: '75', key: '51' });
  });

  test('ID-5: 286039741234504 (overseas 974) is valid with zero-padded key 04', () => {
    expect(nirKey('2860397412345')).toBe('04');
    expect(parseNir('286039741234504')).toMatchObject({ departement: '974', key: '04' });
  });

  test('ID-5: 185309912345619 (fictitious month 30) is valid with key 19', () => {
    expect(parseNir('185309912345619')).toMatchObject({ birthMonth: '30', key: '19', bornAbroad: true });
  });

  test('ID-5: 185057505601797 has remainder 0, so its key is 97', () => {
    expect(nirKey('1850575056017')).toBe('97');
    expect(isValidNir('185057505601797')).toBe(true);
  });

  test('ID-5: 253072B07300471 is rejected for a wrong key', () => {
    expect(reasonOf('253072B07300471')).toBe('key');
    expect(isValidNir('253072B07300471')).toBe(false);
  });

  test('ID-5: 253072C07300470 is rejected for a bad département', () => {
    expect(reasonOf('253072C07300470')).toBe('departement');
  });
});

describe('ID-2 field checks', () => {
  test('ID-2: sex digit other than 1 or 2 is rejected', () => {
    expect(reasonOf('355081416802538')).toBe('sex');
  });

  test('ID-2: months 00 and 13–19 are rejected, 12 and 20 accepted', () => {
    for (const mm of ['00', '13', '19']) {
      const body = `255${mm}14168025`;
      expect(reasonOf(body + nirKey(body))).toBe('month');
    }
    for (const mm of ['12', '20']) {
      const body = `255${mm}14168025`;
      expect(isValidNir(body + nirKey(body))).toBe(true);
    }
  });

  test('ID-2/ID-3: 2A is only special at positions 6–7; letters elsewhere are a format error', () => {
    expect(reasonOf('2A3072B07300470')).toBe('format');
    expect(reasonOf('25307250730A470')).toBe('format');
  });

  test('ID-3: the error message explains the key mismatch in French', () => {
    expect(() => parseNir('253072B07300471')).toThrow(
      'La clé du numéro de sécurité sociale ne correspond pas : vérifiez les 15 chiffres de votre carte Vitale.',
    );
  });
});

describe('ID-4 normalization and length', () => {
  test('ID-4: spaces, dots and hyphens are removed and 2a/2b upper-cased', () => {
    expect(normalizeNir(' 2 53 07 2a 073 004 43 ')).toBe('253072A07300443');
    expect(normalizeNir('2.53.07.2b.073.004-70')).toBe('253072B07300470');
    expect(parseNir('2 53-07.2a 073 004 43').nir).toBe('253072A07300443');
    expect(isValidNir('2-95-10-99-126-111-93')).toBe(true);
  });

  test('ID-4: a NIR without its key (13 characters) is rejected for length', () => {
    expect(reasonOf('2951099126111')).toBe('length');
    expect(reasonOf('2 95 10 99 126 111')).toBe('length');
  });

  test('ID-4: 14 or 16 characters are rejected for length', () => {
    expect(reasonOf('29510991261119')).toBe('length');
    expect(reasonOf('2951099126111930')).toBe('length');
  });
});

describe('ID-10 masking', () => {
  test('ID-10: only sex, birth year and key stay visible', () => {
    expect(maskNir('295109912611193')).toBe('2 95 •• •• ••• ••• 93');
    expect(maskNir('2 53 07 2a 073 004 43')).toBe('2 53 •• •• ••• ••• 43');
  });

  test('ID-10: the masked form never contains the département, commune or order digits', () => {
    const masked = maskNir('255081416802538');
    expect(masked).not.toMatch(/14|168|025/);
  });
});
