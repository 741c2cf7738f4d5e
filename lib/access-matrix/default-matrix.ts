import type { Category } from '@/lib/documents/categories';
import type { MatrixDecision, MatrixRule } from './decide';
import type { ProfessionCode } from './professions';

/**
 * PRO-9: version 1 of the matrice d'habilitation, seeded once (db/seed.ts) and then replaced only by
 * published versions (BO-7). Every profession has an explicit row for every DOC-1 category (REMB is the
 * HIS-5 row of Mon histoire de santé); type-code rows (DOC-14) refine a category. Unless a comment says
 * "PRO-9 table", each choice is a project choice of public-health common sense, to be reviewed by the fund.
 */
const A: MatrixDecision = 'ALLOW';
const D: MatrixDecision = 'DENY';

type CategoryRow = Record<Category, MatrixDecision>;

const BY_CATEGORY: Record<ProfessionCode, CategoryRow> = {
  // Médecin: the whole record (project choice: a physician may need any of it).
  '10': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: A, CPT_REND: A, DEPISTAG: A, CERT_MED: A, AUTR_DOC: A, DOC_ADM: A,
    SYNTH_PML: A, DIR_ANT: A, QUEST_SANTE: A, CAR_VAC: A, VDP: A, REMB: A },
  // Pharmacien: what dispensing and medication review need — prescriptions, biology, vaccination, syntheses,
  // reimbursed medicines; not reports (maternity and others), imaging, certificates or directives (project choice).
  '21': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: D, BIOLOGIE: A, CPT_REND: D, DEPISTAG: A, CERT_MED: D, AUTR_DOC: D, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: D, QUEST_SANTE: D, CAR_VAC: A, VDP: A, REMB: A },
  // Chirurgien-dentiste: care context and imaging; never the directives anticipées (PRO-9 table); no admin papers.
  '40': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: A, CPT_REND: A, DEPISTAG: A, CERT_MED: A, AUTR_DOC: A, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: D, QUEST_SANTE: A, CAR_VAC: A, VDP: A, REMB: A },
  // Sage-femme: the whole record but administrative papers (project choice: pregnancy follow-up needs it).
  '50': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: A, CPT_REND: A, DEPISTAG: A, CERT_MED: A, AUTR_DOC: A, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: A, QUEST_SANTE: A, CAR_VAC: A, VDP: A, REMB: A },
  // Infirmier: home and hospital care, palliative care included (directives); no admin papers (project choice).
  '60': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: A, CPT_REND: A, DEPISTAG: A, CERT_MED: A, AUTR_DOC: A, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: A, QUEST_SANTE: A, CAR_VAC: A, VDP: A, REMB: A },
  // Masseur-kinésithérapeute: prescriptions, imaging and reports for rehabilitation; not biology, screening,
  // vaccination, directives or reimbursements (project choice).
  '70': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: D, CPT_REND: A, DEPISTAG: D, CERT_MED: A, AUTR_DOC: A, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: D, QUEST_SANTE: D, CAR_VAC: D, VDP: A, REMB: D },
  // Pédicure-podologue: narrow — syntheses, prescriptions, imaging and (some) reports, e.g. the diabetic foot
  // follow-up; nothing else (project choice).
  '80': { SYNTHESE: A, ORD_SOIN: A, RADIO_SC: A, BIOLOGIE: D, CPT_REND: A, DEPISTAG: D, CERT_MED: D, AUTR_DOC: D, DOC_ADM: D,
    SYNTH_PML: A, DIR_ANT: D, QUEST_SANTE: D, CAR_VAC: D, VDP: A, REMB: D },
};

/** Type-code rows (DOC-14) that refine a category for one profession. */
const BY_TYPE: [ProfessionCode, string, MatrixDecision, string][] = [
  ['80', '15508-5', D, 'PRO-9 table: a podiatrist never reads a CR d’accouchement'],
  ['80', '11526-1', D, 'project choice: nor a CR d’anatomopathologie'],
  ['80', '10213-7', D, 'project choice: nor a CR d’anesthésie'],
  ['70', '15508-5', D, 'project choice: a physiotherapist does not read a CR d’accouchement'],
  ['70', '11526-1', D, 'project choice: nor a CR d’anatomopathologie'],
  ['40', '15508-5', D, 'project choice: a dentist does not read a CR d’accouchement'],
  ['21', '11490-0', A, 'project choice: the pharmacist reads the lettre de liaison de sortie (medication reconciliation)'],
];

export const DEFAULT_MATRIX: { number: 1; effectiveFrom: Date; note: string; rules: MatrixRule[] } = {
  number: 1,
  effectiveFrom: new Date('2020-01-01T00:00:00+01:00'),
  note: 'Version initiale (PRO-9) : une ligne par profession et par catégorie, plus les exceptions par type de document.',
  rules: [
    ...Object.entries(BY_CATEGORY).flatMap(([profession, row]) => Object.entries(row).map(([category, decision]): MatrixRule =>
      ({ professionCode: profession, specialty: null, targetKind: 'CATEGORY', targetCode: category, decision }))),
    ...BY_TYPE.map(([profession, type, decision]): MatrixRule =>
      ({ professionCode: profession, specialty: null, targetKind: 'TYPE', targetCode: type, decision })),
  ],
};
