import type { R4 } from '@ahryman40k/ts-fhir-types';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { insQuerySchema } from '@/lib/professional-access/check-access';
import type { InsTraits } from '@/lib/professional-access/ins';
import type { AuthorisationStatus } from '@/lib/professional-access/rules';
import { FhirRequestError } from './errors';
import { singleParams } from './search-params';
import {
  ACCESS_CHECK_EXTENSION, BIRTHPLACE_EXTENSION, INS_NIA_OID, INS_NIR_OID, INS_SYSTEMS, INSEE_CODE_EXTENSION, INSEE_COG_SYSTEM,
} from './systems';

/** The identity a Patient shows: the INS traits (ID-6), never anything medical. */
export type PatientIdentity = {
  profileId: string;
  /** The matricule INS and its OID, when known (the search echoes the one it was given). */
  ins?: { matricule: string; oid: typeof INS_NIR_OID | typeof INS_NIA_OID };
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: number;
  birthPlace: string | null;
};

/** PRO-3: what the access check answers this professional about the profile. */
export type AccessAnswer = {
  state: ProfileState;
  available: boolean;
  closed: { at: Date | null; reason: string | null } | null;
  authorisation: AuthorisationStatus;
  medecinTraitant: boolean;
  emergencyUntil: Date | null;
};

const sub = (url: string, value: Omit<R4.IExtension, 'url'>): R4.IExtension => ({ url, ...value });

/** The PRO-3 answer as one complex extension (no medical data). */
function accessExtension(a: AccessAnswer): R4.IExtension {
  return {
    url: ACCESS_CHECK_EXTENSION,
    extension: [
      sub('etat', { valueCode: a.state }),
      sub('disponible', { valueBoolean: a.available }),
      sub('autorisation', { valueCode: a.authorisation }),
      sub('medecinTraitant', { valueBoolean: a.medecinTraitant }),
      ...(a.closed?.at ? [sub('clotureLe', { valueDateTime: a.closed.at.toISOString() })] : []),
      ...(a.closed?.reason ? [sub('motifCloture', { valueString: a.closed.reason })] : []),
      ...(a.emergencyUntil ? [sub('accesUrgenceJusquA', { valueDateTime: a.emergencyUntil.toISOString() })] : []),
    ],
  };
}

/** A Patient: id = profile id, the INS identity and the PRO-3 answer as extensions; pure. */
export function toPatient(p: PatientIdentity, access: AccessAnswer): R4.IPatient {
  return {
    resourceType: 'Patient',
    id: p.profileId,
    extension: [
      ...(p.birthPlace ? [{ url: BIRTHPLACE_EXTENSION, valueAddress: { extension: [
        { url: INSEE_CODE_EXTENSION, valueCoding: { system: INSEE_COG_SYSTEM, code: p.birthPlace } },
      ] } }] : []),
      accessExtension(access),
    ],
    ...(p.ins ? { identifier: [{ use: 'official' as R4.IdentifierUseKind, system: `urn:oid:${p.ins.oid}`, value: p.ins.matricule }] } : {}),
    active: access.available,
    name: [{ use: 'official' as R4.HumanNameUseKind, family: p.birthName, given: p.firstNames.split(' ').filter(Boolean) }],
    gender: (p.sex === 1 ? 'male' : 'female') as R4.PatientGenderKind,
    birthDate: p.birthDate,
  };
}

const GENDERS: Record<string, number> = { male: 1, female: 2 };
const bad = (diagnostics: string, expression?: string) => new FhirRequestError(400, { code: 'invalid', diagnostics, expression });

/**
 * ID-6..8: `Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|<matricule>&family=&given=&birthdate=&gender=&birthplace=`
 * as the access check's INS. The INS-NIR or INS-NIA system is required (never a name search: PRO-3) and
 * so are the five traits; `given` may repeat (one first name each) or hold them separated by spaces.
 * Throws FhirRequestError 400 with French messages.
 */
export function parsePatientSearch(params: URLSearchParams): { ins: InsTraits; oid: typeof INS_NIR_OID | typeof INS_NIA_OID } {
  const one = singleParams(params, ['identifier', 'family', 'birthdate', 'gender', 'birthplace'], ['given']);
  const identifier = one.identifier;
  if (!identifier) throw bad('La recherche d’un patient se fait par son INS : identifier=urn:oid:1.2.250.1.213.1.4.8|<matricule INS> (ou 1.2.250.1.213.1.4.9 pour un NIA).', 'identifier');
  const bar = identifier.indexOf('|');
  const system = bar < 0 ? '' : identifier.slice(0, bar);
  if (!(INS_SYSTEMS as readonly string[]).includes(system)) {
    throw bad(`Le système d’identifiant doit être l’INS-NIR (urn:oid:${INS_NIR_OID}) ou l’INS-NIA (urn:oid:${INS_NIA_OID}).`, 'identifier');
  }
  const given = params.getAll('given').map((g) => g.trim()).filter(Boolean);
  const missing: string[] = (['family', 'birthdate', 'gender', 'birthplace'] as const).filter((k) => !one[k]?.trim());
  if (!given.length) missing.splice(1, 0, 'given');
  if (missing.length) {
    throw bad(`ID-8 : les cinq traits d’identité de l’INS sont obligatoires avec le matricule ; manquant : ${missing.join(', ')}.`, missing[0]);
  }
  const gender = GENDERS[one.gender!.trim()];
  if (!gender) throw bad('gender doit valoir male ou female (sexe de l’INS).', 'gender');
  const birthdate = one.birthdate!.trim().replace(/^eq/, '');
  const parsed = insQuerySchema.safeParse({
    matricule: identifier.slice(bar + 1), birthName: one.family, firstNames: given.join(' '), birthDate: birthdate, sex: gender, birthPlace: one.birthplace,
  });
  if (!parsed.success) {
    const paramOf: Record<string, string> = { matricule: 'identifier', birthName: 'family', firstNames: 'given', birthDate: 'birthdate', sex: 'gender', birthPlace: 'birthplace' };
    throw new FhirRequestError(400, parsed.error.issues.map((i) => ({ code: 'invalid' as const, diagnostics: i.message, expression: paramOf[String(i.path[0])] })));
  }
  return { ins: parsed.data, oid: system.endsWith(INS_NIA_OID) ? INS_NIA_OID : INS_NIR_OID };
}
