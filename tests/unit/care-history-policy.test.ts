import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import { careHistoryVisibleToProfessional, type CareHistoryProInput } from '@/lib/access/care-history-access';
import { DEFAULT_PRIVACY, type PrivacySettings, type ProContext } from '@/lib/access/document-access';
import { authorize, type ProfileTarget, type Target } from '@/lib/access/policy';
import { checkClaim, type RawClaim } from '@/lib/care-history/claim-rules';
import { groupByYear } from '@/lib/care-history/group-by-year';

const holder: Actor = { kind: 'PATIENT', accountId: 'acc-h', name: 'Léa', ownProfileId: 'p-1', representedProfileIds: [] };
const parent: Actor = { kind: 'PATIENT', accountId: 'acc-r', name: 'Marc', ownProfileId: 'p-9', representedProfileIds: ['p-1'] };
const aidant: Actor = { kind: 'PATIENT', accountId: 'acc-a', name: 'Nora', ownProfileId: 'p-8', representedProfileIds: [], aidedProfileIds: ['p-1'] };
const stranger: Actor = { kind: 'PATIENT', accountId: 'acc-x', name: 'Paul', ownProfileId: 'p-7', representedProfileIds: [] };
const doctor: Actor = { kind: 'PROFESSIONAL', professionalId: 'ps-1', rpps: '10000000001', name: 'Dr Martin', professionCode: '10', professionLabel: 'Médecin' };
const advisor: Actor = { kind: 'ADVISOR', staffId: 'adv', siteId: 'site', name: 'Conseiller' };
const agent: Actor = { kind: 'STAFF', staffId: 'st', role: 'AGENT', name: 'Agent' };

/** HIS-4's example: activated 2025-03-01T10:00Z. */
const ACTIVATED = new Date('2025-03-01T10:00:00Z');
const HIDDEN_AT = new Date('2025-03-03T09:59:59Z');
const VISIBLE_AT = new Date('2025-03-03T10:00:00Z');

const active: ProfileTarget = { id: 'p-1', state: 'ACTIVE', holderAccountId: 'acc-h' };
const ps = (over: Partial<ProContext> = {}): ProContext => ({ blocked: false, authorised: true, administrateur: false, mode: 'NORMAL', matrixAllows: true, ...over });
const privacy = (over: Partial<PrivacySettings> = {}): PrivacySettings => ({ ...DEFAULT_PRIVACY, ...over });
const at = (now: Date, activatedAt: Date | null = ACTIVATED) => ({ activatedAt, now });

type Row = [rule: string, actor: Actor, target: Target, expected: string];

/** One row per rule: who asks `care-history.read`, on what, and the decision. */
const MATRIX: Row[] = [
  // Patient side (HIS-1), REP-5, AID-4
  ['HIS-1: the holder reads their history', holder, { profile: active }, 'allow'],
  ['HIS-1, VIS-3: the holder reads it under mask-all', holder, { profile: active, privacy: privacy({ maskAll: true }) }, 'allow'],
  ['REP-5: a representative reads the child’s history', parent, { profile: active }, 'allow'],
  ['REP-5: a representative reads a CREATED child profile’s history', parent, { profile: { ...active, state: 'CREATED' } }, 'allow'],
  ['AID-4: an aidant consults the aidé’s history', aidant, { profile: active }, 'allow'],
  ['REP-1: another account is refused', stranger, { profile: active }, 'not-holder'],
  ['ACC-3: a closed profile is unavailable to the patient side', holder, { profile: { ...active, state: 'CLOSED' } }, 'profile-unavailable'],
  // Advisors and staff
  ['FS-4: an advisor never reads Mon histoire de santé', advisor, { profile: active }, 'advisor-no-medical'],
  ['BO: staff never read Mon histoire de santé', agent, { profile: active }, 'staff-no-medical'],
  ['default deny: no profile, no answer', holder, {}, 'no-target'],
  // Professionals: HIS-4 boundary
  ['HIS-4: hidden at activation + 48 h − 1 s (2025-03-03T09:59:59Z)', doctor, { profile: active, pro: ps(), careHistory: at(HIDDEN_AT) }, 'care-history-not-yet-visible'],
  ['HIS-4: visible from activation + 48 h (2025-03-03T10:00:00Z)', doctor, { profile: active, pro: ps(), careHistory: at(VISIBLE_AT) }, 'allow'],
  ['HIS-4: hidden while never activated', doctor, { profile: active, pro: ps(), careHistory: at(VISIBLE_AT, null) }, 'care-history-not-yet-visible'],
  ['HIS-4, ACC-4: never on a CREATED profile, whatever was recorded', doctor, { profile: { ...active, state: 'CREATED' }, pro: ps(), careHistory: at(VISIBLE_AT) }, 'care-history-not-yet-visible'],
  ['HIS-4, CLO-6: re-opening restarts the clock', doctor, { profile: active, pro: ps(), careHistory: at(new Date('2025-09-02T09:00:00Z'), new Date('2025-09-01T10:00:00Z')) }, 'care-history-not-yet-visible'],
  ['HIS-4, EMG-4: hidden in bris de glace before 48 h', doctor, { profile: active, pro: ps({ mode: 'EMERGENCY', authorised: false }), careHistory: at(HIDDEN_AT) }, 'care-history-not-yet-visible'],
  ['HIS-4, EMG-4: hidden in regulation before 48 h', doctor, { profile: active, pro: ps({ mode: 'REGULATION', authorised: false }), careHistory: at(HIDDEN_AT) }, 'care-history-not-yet-visible'],
  ['PRO-12: a SUSPENDED profile stays readable after 48 h', doctor, { profile: { ...active, state: 'SUSPENDED' }, pro: ps(), careHistory: at(VISIBLE_AT) }, 'allow'],
  ['PRO-12: a closed profile is not available', doctor, { profile: { ...active, state: 'CLOSED' }, pro: ps(), careHistory: at(VISIBLE_AT) }, 'profile-unavailable'],
  // HIS-5: mask-all
  ['HIS-5: under mask-all an authorised professional is refused', doctor, { profile: active, pro: ps(), privacy: privacy({ maskAll: true }), careHistory: at(VISIBLE_AT) }, 'care-history-masked'],
  ['HIS-5, VIS-7: under mask-all the administrateur reads it', doctor, { profile: active, pro: ps({ administrateur: true }), privacy: privacy({ maskAll: true }), careHistory: at(VISIBLE_AT) }, 'allow'],
  ['HIS-5, EMG-1: under mask-all an emergency reader is refused with toggle 3 off', doctor, { profile: active, pro: ps({ mode: 'EMERGENCY', authorised: false }), privacy: privacy({ maskAll: true }), careHistory: at(VISIBLE_AT) }, 'care-history-masked'],
  ['HIS-5, EMG-1: under mask-all an emergency reader reads it with toggle 3 on', doctor, { profile: active, pro: ps({ mode: 'EMERGENCY', authorised: false }), privacy: privacy({ maskAll: true, emergencyMaskedVisible: true }), careHistory: at(VISIBLE_AT) }, 'allow'],
  ['HIS-5, EMG-1: toggle 3 opens nothing outside an emergency', doctor, { profile: active, pro: ps(), privacy: privacy({ maskAll: true, emergencyMaskedVisible: true }), careHistory: at(VISIBLE_AT) }, 'care-history-masked'],
  ['HIS-5: without mask-all an emergency reader reads it after 48 h', doctor, { profile: active, pro: ps({ mode: 'REGULATION', authorised: false }), careHistory: at(VISIBLE_AT) }, 'allow'],
  // PRO-6, PRO-5, PRO-9, EMG-1 toggles 1/2
  ['PRO-6: a blocked professional is refused', doctor, { profile: active, pro: ps({ blocked: true }), careHistory: at(VISIBLE_AT) }, 'pro-blocked'],
  ['PRO-6, EMG-4: a blocked professional is refused even in an emergency with toggle 3', doctor, { profile: active, pro: ps({ blocked: true, mode: 'EMERGENCY' }), privacy: privacy({ emergencyMaskedVisible: true }), careHistory: at(VISIBLE_AT) }, 'pro-blocked'],
  ['PRO-6, VIS-7: a blocked administrateur is refused', doctor, { profile: active, pro: ps({ blocked: true, administrateur: true }), privacy: privacy({ maskAll: true }), careHistory: at(VISIBLE_AT) }, 'pro-blocked'],
  ['PRO-5: without authorisation a professional is refused', doctor, { profile: active, pro: ps({ authorised: false }), careHistory: at(VISIBLE_AT) }, 'pro-not-authorised'],
  ['PRO-9, HIS-5: the matrix’s REMB row denies this profession', doctor, { profile: active, pro: ps({ matrixAllows: false }), careHistory: at(VISIBLE_AT) }, 'pro-matrix'],
  ['PRO-9, VIS-8: the administrateur still needs the REMB row', doctor, { profile: active, pro: ps({ administrateur: true, matrixAllows: false }), privacy: privacy({ maskAll: true }), careHistory: at(VISIBLE_AT) }, 'pro-matrix'],
  ['EMG-1: toggle 2 off refuses bris de glace', doctor, { profile: active, pro: ps({ mode: 'EMERGENCY', authorised: false }), privacy: privacy({ emergencyOther: false }), careHistory: at(VISIBLE_AT) }, 'pro-emergency-off'],
  ['EMG-1: toggle 1 off refuses regulation', doctor, { profile: active, pro: ps({ mode: 'REGULATION', authorised: false }), privacy: privacy({ emergencyRegulation: false }), careHistory: at(VISIBLE_AT) }, 'pro-emergency-off'],
  ['PRO-4: a professional without established context is refused', doctor, { profile: active }, 'pro-not-authorised'],
];

describe('HIS-1, HIS-4, HIS-5: care-history.read in the policy, one row per rule', () => {
  test.each(MATRIX)('%s', (_rule, actor, target, expected) => {
    const decision = authorize(actor, 'care-history.read', target);
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
    if (!decision.allowed) expect(decision.reason).toMatch(/\S/);
  });

  test('HIS-1: only staff import the reimbursement feed', () => {
    expect(authorize(agent, 'care-history.import').allowed).toBe(true);
    for (const actor of [advisor, holder, doctor]) expect(authorize(actor, 'care-history.import')).toMatchObject({ allowed: false, code: 'wrong-audience' });
  });
});

describe('HIS-4, HIS-5: careHistoryVisibleToProfessional, the pure rule', () => {
  const base: CareHistoryProInput = { activatedAt: ACTIVATED, now: VISIBLE_AT, maskAll: false, administrateur: false, mode: 'NORMAL',
    emergencyMaskedVisible: false, blocked: false, matrixAllows: true };

  test('HIS-4: the DOMAIN example, to the second', () => {
    expect(careHistoryVisibleToProfessional({ ...base, now: HIDDEN_AT })).toBe('care-history-not-yet-visible');
    expect(careHistoryVisibleToProfessional({ ...base, now: VISIBLE_AT })).toBeNull();
  });

  test('HIS-4, EMG-4: the 48 hours hold in every mode', () => {
    for (const mode of ['NORMAL', 'EMERGENCY', 'REGULATION'] as const) {
      expect(careHistoryVisibleToProfessional({ ...base, mode, now: HIDDEN_AT, emergencyMaskedVisible: true })).toBe('care-history-not-yet-visible');
    }
  });

  test('HIS-5: mask-all hides it except from the administrateur and, with toggle 3, emergency readers', () => {
    expect(careHistoryVisibleToProfessional({ ...base, maskAll: true })).toBe('care-history-masked');
    expect(careHistoryVisibleToProfessional({ ...base, maskAll: true, administrateur: true })).toBeNull();
    expect(careHistoryVisibleToProfessional({ ...base, maskAll: true, mode: 'EMERGENCY' })).toBe('care-history-masked');
    expect(careHistoryVisibleToProfessional({ ...base, maskAll: true, mode: 'EMERGENCY', emergencyMaskedVisible: true })).toBeNull();
  });

  test('PRO-6: blocked comes first, before the clock and the mask', () => {
    expect(careHistoryVisibleToProfessional({ ...base, blocked: true, now: HIDDEN_AT, maskAll: true })).toBe('pro-blocked');
  });
});

describe('HIS-2, HIS-6: one claim line, checked without I/O', () => {
  const good: RawClaim = { identifiant_ligne: 'L-1', nir: '285037505601715', date_soins: '14/01/2026', categorie: 'medicine',
    libelle: 'Ibuprofène  400 mg', specialite_prescripteur: '', acte_confidentiel_mineur: 'non' };
  const problems = (over: RawClaim) => checkClaim({ ...good, ...over }, '2026-11-28').problems.map((p) => [p.column, p.reason]);

  test('HIS-2: a good line is normalised (category upper-cased, spaces collapsed, empty specialty null)', () => {
    expect(checkClaim(good, '2026-11-28').line).toEqual({ claimLineId: 'L-1', nir: '285037505601715', careDate: '2026-01-14',
      category: 'MEDICINE', label: 'Ibuprofène 400 mg', prescriberSpecialty: null, confidential: false, dispenserFiness: null });
  });

  test('HIS-2: each bad value is reported on its column in French', () => {
    expect(problems({ categorie: 'DENTAIRE' })).toEqual([['categorie', expect.stringContaining('Catégorie inconnue')]]);
    expect(problems({ date_soins: '31/02/2026' })).toEqual([['date_soins', 'Date invalide : format attendu JJ/MM/AAAA.']]);
    expect(problems({ date_soins: '01/12/2026' })).toEqual([['date_soins', 'La date des soins est dans le futur.']]);
    expect(problems({ nir: '285037505601716' })).toEqual([['nir', expect.stringContaining('clé')]]);
    expect(problems({ identifiant_ligne: '' })).toEqual([['identifiant_ligne', 'L’identifiant de ligne est obligatoire.']]);
    expect(problems({ libelle: ' ' })).toEqual([['libelle', 'Le libellé est obligatoire.']]);
  });

  test('HIS-6: the confidentiality flag must be explicit (oui or non), never guessed', () => {
    expect(problems({ acte_confidentiel_mineur: '' })).toEqual([['acte_confidentiel_mineur', 'Valeur attendue : « oui » ou « non ».']]);
    expect(checkClaim({ ...good, acte_confidentiel_mineur: 'OUI' }, '2026-11-28').line?.confidential).toBe(true);
  });

  test('HIS-6: a rejection never quotes the line’s medical content', () => {
    const reasons = problems({ categorie: 'IVG', libelle: 'x'.repeat(201) }).map(([, r]) => r).join(' ');
    expect(reasons).not.toContain('IVG');
    expect(reasons).not.toContain('xxx');
  });
});

describe('HIS-1: episodes grouped by year, newest first', () => {
  test('HIS-1: consecutive episodes of one year share a group', () => {
    const e = (id: string, careDate: string) => ({ id, careDate, category: 'VACCINE' as const, label: id, prescriberSpecialty: null });
    expect(groupByYear([e('a', '2026-03-01'), e('b', '2026-01-02'), e('c', '2024-12-31')]).map((y) => [y.year, y.episodes.map((x) => x.id)]))
      .toEqual([['2026', ['a', 'b']], ['2024', ['c']]]);
  });
});
