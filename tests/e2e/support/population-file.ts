import { randomInt } from 'node:crypto';
import { nirKey } from '@/lib/identity/nir';

export type FilePerson = { nir: string; vitaleSerial: string; firstNames: string; birthName: string; birthDate: string; email: string | null };

const HEADER = 'nir;numero_serie_vitale;nom_naissance;prenoms;date_naissance;sexe;lieu_naissance;departement;email;mobile;adresse_postale;nir_parent_principal;aide_sociale_enfance;dmp_existant';

/**
 * A population file (BO-1) of adults living and born in one département, with valid and run-unique NIRs
 * (sex, year and month of birth, birth commune, random order number, key), as the sample file is written.
 */
export function aPopulationFile(departement: string, people: { sex: 1 | 2; firstNames: string; birthName: string; birthDate: string; email: string | null }[]) {
  const order = randomInt(0, 990 - people.length);
  const rows: FilePerson[] = people.map((p, i) => {
    const body = `${p.sex}${p.birthDate.slice(2, 4)}${p.birthDate.slice(5, 7)}${departement}096${String(order + i).padStart(3, '0')}`;
    return { nir: body + nirKey(body), vitaleSerial: '12345678901', firstNames: p.firstNames, birthName: p.birthName, birthDate: p.birthDate, email: p.email };
  });
  const lines = rows.map((r, i) => [
    r.nir, r.vitaleSerial, r.birthName, r.firstNames, r.birthDate.split('-').reverse().join('/'), people[i]!.sex, `${departement}096`,
    departement, r.email ?? '', '', `${i + 1} place Bonnyaud, ${departement}000 Guéret`, '', 'non', 'non',
  ].join(';'));
  return { people: rows, csv: `${[HEADER, ...lines].join('\n')}\n` };
}
