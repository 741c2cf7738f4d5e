/**
 * PRO-2: the human user a facility's software names on each call, in the header
 *   X-Facility-User: rpps=<11 digits>; name=<given names> <family name>; profession=<TRE_G15>; specialty=<code>
 * `specialty` is optional (a pharmacist has none). Values may be percent-encoded (UTF-8), so accents
 * and `;` travel safely in an HTTP header. `name` splits at its first space: given name, then family name
 * (a compound given name is written with a hyphen, as on the RPPS). Unknown or repeated keys are refused.
 */
export type FacilityUser = { rpps: string; givenName: string; familyName: string; professionCode: string; specialtyCode: string | null };

export type FacilityUserParse = { ok: true; user: FacilityUser } | { ok: false; message: string };

const KEYS = ['rpps', 'name', 'profession', 'specialty'] as const;
type Key = (typeof KEYS)[number];
const MAX_LENGTH = 500;

const fail = (message: string): FacilityUserParse => ({ ok: false, message: `En-tête X-Facility-User : ${message}` });

export function parseFacilityUser(header: string): FacilityUserParse {
  if (header.length > MAX_LENGTH) return fail(`${MAX_LENGTH} caractères au plus.`);
  const values: Partial<Record<Key, string>> = {};
  for (const part of header.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) return fail(`« ${part.trim()} » n’est pas de la forme clé=valeur.`);
    const key = part.slice(0, eq).trim().toLowerCase();
    if (!(KEYS as readonly string[]).includes(key)) return fail(`clé « ${key} » inconnue (attendues : rpps, name, profession, specialty).`);
    if (values[key as Key] !== undefined) return fail(`clé « ${key} » répétée.`);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1)).trim();
    } catch {
      return fail(`la valeur de « ${key} » est mal encodée.`);
    }
    values[key as Key] = value;
  }
  const { rpps, name, profession, specialty } = values;
  if (!rpps || !/^\d{11}$/.test(rpps)) return fail('rpps doit compter 11 chiffres.');
  const space = name ? name.search(/\s/) : -1;
  if (!name || space < 1) return fail('name doit donner le prénom puis le nom, séparés par une espace.');
  const givenName = name.slice(0, space);
  const familyName = name.slice(space + 1).replace(/\s+/g, ' ').trim();
  if (name.length > 200 || /[\p{Cc}<>]/u.test(name)) return fail('name contient des caractères non admis.');
  if (!profession || !/^\d{2}$/.test(profession)) return fail('profession doit être un code TRE_G15 à 2 chiffres (ex. 10 pour médecin).');
  if (specialty !== undefined && specialty !== '' && !/^[A-Za-z0-9_-]{1,20}$/.test(specialty)) return fail('specialty doit être un code de savoir-faire (ex. SM54).');
  return { ok: true, user: { rpps, givenName, familyName, professionCode: profession, specialtyCode: specialty || null } };
}
