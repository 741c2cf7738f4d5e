import { describe, expect, test } from 'vitest';
import { parseMatrixCsv } from '@/lib/access-matrix/csv';
import { compileMatrix, decide, versionInForceAt, type MatrixQuestion, type MatrixRule } from '@/lib/access-matrix/decide';
import { DEFAULT_MATRIX } from '@/lib/access-matrix/default-matrix';
import { MATRIX_CATEGORIES, PROFESSION_CODES } from '@/lib/access-matrix/professions';

const rule = (professionCode: string, specialty: string | null, targetKind: 'TYPE' | 'CATEGORY', targetCode: string, decision: 'ALLOW' | 'DENY'): MatrixRule =>
  ({ professionCode, specialty, targetKind, targetCode, decision });

/** A small hand-made version: each row of the table below says which of its rows decides. */
const SMALL = compileMatrix([
  rule('10', null, 'CATEGORY', 'CPT_REND', 'ALLOW'),
  rule('10', 'SM40', 'CATEGORY', 'CPT_REND', 'DENY'),
  rule('10', null, 'TYPE', '34874-8', 'DENY'),
  rule('10', 'SM40', 'TYPE', '34874-8', 'ALLOW'),
  rule('60', null, 'CATEGORY', 'BIOLOGIE', 'ALLOW'),
  rule('60', 'PSY', 'CATEGORY', 'BIOLOGIE', 'DENY'),
  rule('60', null, 'TYPE', '11502-2', 'ALLOW'),
]);
const DEFAULT = compileMatrix(DEFAULT_MATRIX.rules);

const q = (professionCode: string, category: string, typeCode?: string, specialty?: string): MatrixQuestion => ({ professionCode, category, typeCode, specialty });

/** One row per case: rule, matrix, question, expected decision. */
const CASES: [string, typeof SMALL, MatrixQuestion, 'ALLOW' | 'DENY'][] = [
  ['PRO-9 table: a podiatrist (80) is denied a CR d’accouchement (15508-5)', DEFAULT, q('80', 'CPT_REND', '15508-5'), 'DENY'],
  ['PRO-9 table: a dentist (40) is denied the directives anticipées (DIR_ANT)', DEFAULT, q('40', 'DIR_ANT'), 'DENY'],
  ['PRO-9: a podiatrist still reads other comptes rendus (the type row only narrows)', DEFAULT, q('80', 'CPT_REND', '11488-4'), 'ALLOW'],
  ['PRO-9: a médecin reads a CR d’accouchement', DEFAULT, q('10', 'CPT_REND', '15508-5'), 'ALLOW'],
  ['PRO-9: a pharmacist reads prescriptions', DEFAULT, q('21', 'ORD_SOIN', '57833-6'), 'ALLOW'],
  ['PRO-9: a pharmacist does not read maternity reports', DEFAULT, q('21', 'CPT_REND', '15508-5'), 'DENY'],
  ['PRO-9, HIS-5: the REMB row decides Mon histoire de santé (physiotherapist denied)', DEFAULT, q('70', 'REMB'), 'DENY'],
  ['PRO-9, HIS-5: the REMB row decides Mon histoire de santé (nurse allowed)', DEFAULT, q('60', 'REMB'), 'ALLOW'],
  ['PRO-9: an unknown profession is denied', DEFAULT, q('99', 'SYNTHESE'), 'DENY'],
  ['PRO-9: an unknown category is denied', DEFAULT, q('10', 'NOUVELLE_CAT'), 'DENY'],
  ['PRO-9: no row for the profession at all → DENY', SMALL, q('21', 'CPT_REND'), 'DENY'],
  ['PRO-9: profession + category applies without a specialty', SMALL, q('10', 'CPT_REND', '11488-4'), 'ALLOW'],
  ['PRO-9: a specialty DENY overrides the profession ALLOW', SMALL, q('10', 'CPT_REND', '11488-4', 'SM40'), 'DENY'],
  ['PRO-9: profession + specialty + category beats profession + category', SMALL, q('60', 'BIOLOGIE', undefined, 'PSY'), 'DENY'],
  ['PRO-9: profession + type beats profession + specialty + category', SMALL, q('60', 'BIOLOGIE', '11502-2', 'PSY'), 'ALLOW'],
  ['PRO-9: profession + type beats profession + category', SMALL, q('10', 'CPT_REND', '34874-8'), 'DENY'],
  ['PRO-9: profession + specialty + type beats everything', SMALL, q('10', 'CPT_REND', '34874-8', 'SM40'), 'ALLOW'],
  ['PRO-9: another specialty falls back to the profession rows', SMALL, q('60', 'BIOLOGIE', undefined, 'AUTRE'), 'ALLOW'],
];

describe('PRO-9, PRO-10: the matrice d’habilitation decides by its most specific row', () => {
  test.each(CASES)('%s', (_name, matrix, question, expected) => {
    expect(decide(matrix, question).decision).toBe(expected);
  });

  test('PRO-9: the default version has a row for every profession and every category, REMB included', () => {
    for (const profession of PROFESSION_CODES) {
      for (const category of MATRIX_CATEGORIES) {
        expect(decide(DEFAULT, q(profession, category)).rule, `${profession} × ${category}`).not.toBeNull();
      }
    }
    expect(MATRIX_CATEGORIES).toContain('REMB');
  });
});

describe('PRO-9: the version in force', () => {
  const v1 = { number: 1, effectiveFrom: new Date('2020-01-01T00:00:00Z') };
  const v2 = { number: 2, effectiveFrom: new Date('2026-12-01T00:00:00Z') };
  const v3 = { number: 3, effectiveFrom: new Date('2026-12-01T00:00:00Z') };
  test.each([
    ['PRO-9: before a version takes effect, the previous one stays in force', new Date('2026-11-30T23:59:59Z'), 1],
    ['PRO-9: from its effective instant, the new version is in force', new Date('2026-12-01T00:00:00Z'), 3],
    ['PRO-9: on a tie of effective dates the higher number wins', new Date('2026-12-05T00:00:00Z'), 3],
  ] as const)('%s', (_name, now, expected) => {
    expect(versionInForceAt([v1, v3, v2], now)?.number).toBe(expected);
  });
  test('PRO-9: before the first version nothing is in force (everything denied)', () => {
    expect(versionInForceAt([v1], new Date('2019-12-31T00:00:00Z'))).toBeUndefined();
  });
});

describe('BO-7: a version uploaded as CSV is checked line by line', () => {
  const HEADER = 'profession;specialite;type;code;decision';
  test('BO-7: a valid file gives its rules, blank lines ignored, CATEGORIE accepted', () => {
    const parsed = parseMatrixCsv(`\uFEFF${HEADER}\r\n80;;TYPE;15508-5;DENY\r\n\r\n40;;CATEGORIE;DIR_ANT;deny\r\n10;SM40;CATEGORY;CPT_REND;ALLOW\r\n`);
    expect(parsed).toEqual({ ok: true, rules: [
      rule('80', null, 'TYPE', '15508-5', 'DENY'), rule('40', null, 'CATEGORY', 'DIR_ANT', 'DENY'), rule('10', 'SM40', 'CATEGORY', 'CPT_REND', 'ALLOW'),
    ] });
  });
  test('BO-7: each wrong line is named with its column and a French reason', () => {
    const parsed = parseMatrixCsv([HEADER, '10;;CATEGORY;SYNTHESE;ALLOW', '99;;CATEGORY;SYNTHESE;ALLOW', '10;;CATEGORY;INCONNUE;ALLOW',
      '10;;TYPE;abc;ALLOW', '10;;CATEGORY;BIOLOGIE;PEUT-ETRE', '10;;CATEGORY;SYNTHESE;DENY', '10;;CATEGORY'].join('\n'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'profession'], [4, 'code'], [5, 'code'], [6, 'decision'], [7, null], [8, null],
    ]);
    expect(parsed.problems[0]!.reason).toContain('« 99 » n’est pas un code de profession connu');
    expect(parsed.problems[4]!.reason).toBe('cette règle figure déjà à la ligne 2.');
  });
  test('BO-7: a wrong header or an empty file is refused', () => {
    expect(parseMatrixCsv('profession,type,code\n10,CATEGORY,SYNTHESE').ok).toBe(false);
    expect(parseMatrixCsv(`${HEADER}\n\n`)).toEqual({ ok: false, problems: [{ line: 2, column: null, reason: 'le fichier ne contient aucune règle.' }] });
  });
});
