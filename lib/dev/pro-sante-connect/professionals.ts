// Seeded health professionals for the local Pro Santé Connect provider.
// Fictitious people; RPPS numbers in the 101000000xx range are not real.

import { timingSafeEqual } from 'node:crypto';

/** Demo password shared by every seeded professional. */
export const DEMO_PASSWORD = 'psc-demo';

export interface Professional {
  rpps: string;
  password: string;
  codeCivilite: 'M' | 'MME';
  givenName: string;
  familyName: string;
  email: string;
  /** RPPS profession code (10 médecin, 21 pharmacien, 60 infirmier). */
  codeProfession: string;
  libelleProfession: string;
  /** Specialty ("savoir-faire"), empty when none, as returned by PSC. */
  codeSavoirFaire: string;
  codeTypeSavoirFaire: string;
  libelleSavoirFaire: string;
  codeCiviliteDexercice: string;
}

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
    codeSavoirFaire: '',
    codeTypeSavoirFaire: '',
    libelleSavoirFaire: '',
    codeCiviliteDexercice: '',
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
    codeSavoirFaire: '',
    codeTypeSavoirFaire: '',
    libelleSavoirFaire: '',
    codeCiviliteDexercice: '',
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
