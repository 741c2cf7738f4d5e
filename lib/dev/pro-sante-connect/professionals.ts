// Seeded health professionals for the local Pro Santé Connect provider.
// Fictitious people; RPPS numbers in the 101000000xx range are not real.

import { timingSafeEqual } from 'node:crypto';

/** Demo password shared by every seeded professional. */
export const DEMO_PASSWORD = 'psc-demo';

/**
 * One activity (situation d'exercice) of the professional, under `exercices[].activites[]` as PSC
 * returns it. `numeroFinessEtablissement` marks an activity in a health facility (PRO-2);
 * `codeSecteurActivite` 'SA-SAMU' a SAMU regulation centre (EMG-3, see lib/auth/professional-login.ts).
 */
export interface Activity {
  /** L libéral, S salarié. */
  codeModeExercice: 'L' | 'S';
  identifiantStructure: string;
  raisonSocialeSite: string;
  numeroFinessEtablissement?: string;
  codeSecteurActivite?: string;
  codePostal: string;
}

export interface Professional {
  rpps: string;
  password: string;
  codeCivilite: 'M' | 'MME';
  givenName: string;
  familyName: string;
  email: string;
  /** RPPS profession code (TRE_G15: 10 médecin, 21 pharmacien, 40 chirurgien-dentiste, 50 sage-femme, 60 infirmier, 70 masseur-kinésithérapeute, 80 pédicure-podologue). */
  codeProfession: string;
  libelleProfession: string;
  /** Specialty ("savoir-faire"), empty when none, as returned by PSC. */
  codeSavoirFaire: string;
  codeTypeSavoirFaire: string;
  libelleSavoirFaire: string;
  codeCiviliteDexercice: string;
  /** Where they practise: shown to patients (search, authorised professionals), not a PSC claim. */
  city: string;
  activites: readonly Activity[];
}

const NO_SPECIALTY = { codeSavoirFaire: '', codeTypeSavoirFaire: '', libelleSavoirFaire: '' } as const;

export const PROFESSIONALS: readonly Professional[] = [
  {
    rpps: '10100000001',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Claire',
    familyName: 'Martin',
    email: 'claire.martin@medecin.example',
    codeProfession: '10',
    libelleProfession: 'Médecin',
    codeSavoirFaire: 'SM54',
    codeTypeSavoirFaire: 'S',
    libelleSavoirFaire: 'Médecine générale',
    codeCiviliteDexercice: 'DR',
    city: 'Paris',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000001', raisonSocialeSite: 'Cabinet du Dr Claire Martin', codePostal: '75013' }],
  },
  {
    rpps: '10100000002',
    password: DEMO_PASSWORD,
    codeCivilite: 'M',
    givenName: 'Paul',
    familyName: 'Bernard',
    email: 'paul.bernard@pharmacien.example',
    codeProfession: '21',
    libelleProfession: 'Pharmacien',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Paris',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'OFF-10100000002', raisonSocialeSite: 'Pharmacie de la Santé', codePostal: '75014' }],
  },
  {
    rpps: '10100000003',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Inès',
    familyName: 'Petit',
    email: 'ines.petit@infirmier.example',
    codeProfession: '60',
    libelleProfession: 'Infirmier',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Limoges',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000003', raisonSocialeSite: 'Cabinet infirmier des Bénédictins', codePostal: '87000' }],
  },
  {
    rpps: '10100000004',
    password: DEMO_PASSWORD,
    codeCivilite: 'M',
    givenName: 'Hugo',
    familyName: 'Lefèvre',
    email: 'hugo.lefevre@kine.example',
    codeProfession: '70',
    libelleProfession: 'Masseur-kinésithérapeute',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Guéret',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000004', raisonSocialeSite: 'Cabinet de kinésithérapie Lefèvre', codePostal: '23000' }],
  },
  {
    rpps: '10100000005',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Nadia',
    familyName: 'Haddad',
    email: 'nadia.haddad@dentiste.example',
    codeProfession: '40',
    libelleProfession: 'Chirurgien-dentiste',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: 'DR',
    city: 'Lyon',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000005', raisonSocialeSite: 'Cabinet dentaire Haddad', codePostal: '69003' }],
  },
  {
    rpps: '10100000006',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Julie',
    familyName: 'Roux',
    email: 'julie.roux@sage-femme.example',
    codeProfession: '50',
    libelleProfession: 'Sage-femme',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Paris',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000006', raisonSocialeSite: 'Cabinet de sage-femme Roux', codePostal: '75011' }],
  },
  {
    rpps: '10100000007',
    password: DEMO_PASSWORD,
    codeCivilite: 'M',
    givenName: 'Thomas',
    familyName: 'Girard',
    email: 'thomas.girard@podologue.example',
    codeProfession: '80',
    libelleProfession: 'Pédicure-podologue',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Bordeaux',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'CAB-10100000007', raisonSocialeSite: 'Cabinet de podologie Girard', codePostal: '33000' }],
  },
  {
    // EMG-3: a regulation doctor of the SAMU (centre 15).
    rpps: '10100000008',
    password: DEMO_PASSWORD,
    codeCivilite: 'M',
    givenName: 'Mehdi',
    familyName: 'Belkacem',
    email: 'mehdi.belkacem@samu.example',
    codeProfession: '10',
    libelleProfession: 'Médecin',
    codeSavoirFaire: 'SM57',
    codeTypeSavoirFaire: 'S',
    libelleSavoirFaire: 'Médecine d’urgence',
    codeCiviliteDexercice: 'DR',
    city: 'Paris',
    activites: [{ codeModeExercice: 'S', identifiantStructure: 'SAMU-75', raisonSocialeSite: 'SAMU 75 – Centre de régulation',
      codeSecteurActivite: 'SA-SAMU', codePostal: '75015' }],
  },
  {
    // PRO-13: a médecin du travail (specialty SM23, lib/professional-access/rules.ts).
    rpps: '10100000009',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Sophie',
    familyName: 'Marchand',
    email: 'sophie.marchand@sante-travail.example',
    codeProfession: '10',
    libelleProfession: 'Médecin',
    codeSavoirFaire: 'SM23',
    codeTypeSavoirFaire: 'S',
    libelleSavoirFaire: 'Médecine du travail',
    codeCiviliteDexercice: 'DR',
    city: 'Nanterre',
    activites: [{ codeModeExercice: 'S', identifiantStructure: 'SPST-92', raisonSocialeSite: 'Service de prévention et de santé au travail des Hauts-de-Seine',
      codePostal: '92000' }],
  },
  {
    // PRO-2: a hospital doctor, a facility user (acts as HEALTHCARE_FACILITY, naming the human user).
    rpps: '10100000010',
    password: DEMO_PASSWORD,
    codeCivilite: 'M',
    givenName: 'Antoine',
    familyName: 'Dubois',
    email: 'antoine.dubois@ch-demo.example',
    codeProfession: '10',
    libelleProfession: 'Médecin',
    codeSavoirFaire: 'SM04',
    codeTypeSavoirFaire: 'S',
    libelleSavoirFaire: 'Cardiologie et maladies vasculaires',
    codeCiviliteDexercice: 'DR',
    city: 'Paris',
    activites: [{ codeModeExercice: 'S', identifiantStructure: 'FINESS-750712184', raisonSocialeSite: 'Centre hospitalier de démonstration',
      numeroFinessEtablissement: '750712184', codePostal: '75012' }],
  },
  {
    // MSG-3(b): a pharmacist at the « Pharmacie du Marché » (FINESS 750000011, seeded with an organisational mailbox,
    // db/seed.ts): she reads and answers the messages patients send to that pharmacy (acts for it, PRO-2).
    rpps: '10100000011',
    password: DEMO_PASSWORD,
    codeCivilite: 'MME',
    givenName: 'Lucie',
    familyName: 'Moreau',
    email: 'lucie.moreau@pharmacie-du-marche.example',
    codeProfession: '21',
    libelleProfession: 'Pharmacien',
    ...NO_SPECIALTY,
    codeCiviliteDexercice: '',
    city: 'Paris',
    activites: [{ codeModeExercice: 'L', identifiantStructure: 'FINESS-750000011', raisonSocialeSite: 'Pharmacie du Marché',
      numeroFinessEtablissement: '750000011', codePostal: '75011' }],
  },
];

/** PSC national identifier: "8" (RPPS type) followed by the RPPS number. */
export function subjectNameId(pro: Professional): string {
  return `8${pro.rpps}`;
}

/** Account id used by the provider (= `sub`). Accepts `8<rpps>` ids. */
export function findProfessionalBySub(sub: string): Professional | undefined {
  return PROFESSIONALS.find((pro) => subjectNameId(pro) === sub);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Returns the professional when RPPS + password match, otherwise undefined. */
export function authenticate(rpps: string, password: string): Professional | undefined {
  const pro = PROFESSIONALS.find((candidate) => candidate.rpps === rpps.trim());
  return pro && sameSecret(pro.password, password) ? pro : undefined;
}

/** Claims shaped like the real PSC userinfo response. */
export function pscClaims(pro: Professional) {
  return {
    sub: subjectNameId(pro),
    SubjectNameID: subjectNameId(pro),
    preferred_username: pro.rpps,
    given_name: pro.givenName,
    family_name: pro.familyName,
    email: pro.email,
    email_verified: true,
    SubjectRefPro: {
      codeCivilite: pro.codeCivilite,
      exercices: [
        {
          codeProfession: pro.codeProfession,
          codeCategorieProfessionnelle: 'C',
          codeCiviliteDexercice: pro.codeCiviliteDexercice,
          nomDexercice: pro.familyName.toUpperCase(),
          prenomDexercice: pro.givenName,
          codeSavoirFaire: pro.codeSavoirFaire,
          codeTypeSavoirFaire: pro.codeTypeSavoirFaire,
          libelleProfession: pro.libelleProfession,
          libelleSavoirFaire: pro.libelleSavoirFaire,
          activites: pro.activites.map((activite) => ({ ...activite })),
        },
      ],
    },
  };
}

/** Claim names per scope; `scope_all` (real PSC) releases everything. */
const PROFILE_CLAIMS = ['given_name', 'family_name', 'preferred_username', 'SubjectNameID', 'SubjectRefPro'];
const EMAIL_CLAIMS = ['email', 'email_verified'];

export const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: PROFILE_CLAIMS,
  email: EMAIL_CLAIMS,
  scope_all: [...PROFILE_CLAIMS, ...EMAIL_CLAIMS],
};
