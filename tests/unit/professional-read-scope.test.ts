import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import {
  professionalDocumentDecision, professionalReadScope, readScopeAllows, type DocumentTarget, type PrivacySettings, type ProContext,
} from '@/lib/access/document-access';
import { compileMatrix, decide, matrixScope, scopeAllows, type MatrixRule } from '@/lib/access-matrix/decide';

/**
 * The professional list filters in SQL with a scope derived from the policy; these tests hold the scope
 * equal to the policy's per-document decision for every combination (VIS-6..8, PRO-6, PRO-9, EMG-1).
 */
const reader: Extract<Actor, { kind: 'PROFESSIONAL' }> = { kind: 'PROFESSIONAL', professionalId: 'me', rpps: '1', name: 'Moi', professionCode: '10', professionLabel: 'Médecin' };
const bools = [false, true];

describe('professionalReadScope ≡ professionalDocumentDecision(read)', () => {
  const cases: [ProContext['mode'], boolean, boolean, boolean, PrivacySettings, DocumentTarget, boolean][] = [];
  for (const mode of ['NORMAL', 'EMERGENCY', 'REGULATION'] as const)
    for (const blocked of bools) for (const authorised of bools) for (const administrateur of bools)
      for (const emergencyOther of bools) for (const emergencyRegulation of bools) for (const emergencyMaskedVisible of bools)
        for (const status of ['ACTIVE', 'OBSOLETE', 'DELETED'] as const) for (const mine of bools) for (const masquePs of bools) for (const matrix of bools)
          cases.push([mode, blocked, authorised, administrateur, { maskAll: false, emergencyOther, emergencyRegulation, emergencyMaskedVisible },
            { id: 'd', profileId: 'p', status, authorType: 'HEALTHCARE_PROFESSIONAL', authorProfessionalId: mine ? 'me' : 'other', masquePs,
              invisiblePatient: false, invisibleRepresentatives: false }, matrix]);
  test(`${cases.length} combinations agree`, () => {
    for (const [mode, blocked, authorised, administrateur, privacy, doc, matrixAllows] of cases) {
      const pro = { mode, blocked, authorised, administrateur };
      const decided = professionalDocumentDecision(reader, 'read', doc, { ...pro, matrixAllows }, privacy) === null;
      expect(readScopeAllows(professionalReadScope(reader, pro, privacy), matrixAllows, doc), JSON.stringify({ pro, privacy, doc, matrixAllows })).toBe(decided);
    }
  });
});

describe('matrixScope ≡ decide (PRO-9: most specific row wins)', () => {
  // Specialty rows first: the scope must not depend on the rows' order.
  const rules: MatrixRule[] = [
    { professionCode: '10', specialty: 'SM23', targetKind: 'CATEGORY', targetCode: 'CPT_REND', decision: 'DENY' },
    { professionCode: '10', specialty: 'SM23', targetKind: 'TYPE', targetCode: '11488-4', decision: 'ALLOW' },
    { professionCode: '10', specialty: null, targetKind: 'TYPE', targetCode: '11488-4', decision: 'DENY' },
    { professionCode: '10', specialty: null, targetKind: 'CATEGORY', targetCode: 'CPT_REND', decision: 'ALLOW' },
    { professionCode: '10', specialty: null, targetKind: 'CATEGORY', targetCode: 'BIOLOGIE', decision: 'DENY' },
    { professionCode: '10', specialty: null, targetKind: 'TYPE', targetCode: '15508-5', decision: 'DENY' },
    { professionCode: '10', specialty: null, targetKind: 'TYPE', targetCode: '11502-2', decision: 'ALLOW' },
    { professionCode: '21', specialty: null, targetKind: 'CATEGORY', targetCode: 'BIOLOGIE', decision: 'ALLOW' },
  ];
  const matrix = compileMatrix(rules);
  for (const specialty of [null, 'SM23', 'SM54'])
    for (const profession of ['10', '21', '80'])
      test(`profession ${profession}, specialty ${specialty ?? '—'}`, () => {
        const scope = matrixScope(matrix, profession, specialty);
        for (const typeCode of [null, '15508-5', '11488-4', '11502-2', '99999-9'])
          for (const category of ['CPT_REND', 'BIOLOGIE', 'ORD_SOIN']) {
            const expected = decide(matrix, { professionCode: profession, specialty, typeCode, category }).decision === 'ALLOW';
            expect(scopeAllows(scope, { typeCode, category }), `${typeCode} ${category}`).toBe(expected);
          }
      });
});
