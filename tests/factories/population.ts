import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { nirKey } from '@/lib/identity/nir';

export type InsuredPerson = { nir: string; email: string | null; firstNames: string; birthDate: string; vitaleSerial: string };

/** Commune + order digits (6) from one counter: unique across the run whatever the birth date. */
let counter = randomInt(0, 500_000);
/** `count` insured adults of one département, inserted in one statement (as the import would). */
export async function anInsuredPopulation(db: Db, opts: {
  departement: string; count: number; email?: (i: number) => string | null; postalAddress?: string;
  parentNir?: string; birthDate?: string; ase?: boolean; firstNames?: (i: number) => string;
}): Promise<InsuredPerson[]> {
  const people: InsuredPerson[] = [];
  for (let i = 0; i < opts.count; i++) {
    const birthDate = opts.birthDate ?? `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`;
    const n = counter++ % 1_000_000;
    const body = `${1 + (i % 2)}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}99${String(n).padStart(6, '0')}`;
    people.push({ nir: body + nirKey(body), email: opts.email ? opts.email(i) : `insure.${n}@exemple.test`,
      // Unique names: the same name and birth date under two NIRs is a duplicate identity (CMP-10).
      firstNames: opts.firstNames?.(i) ?? `Camille${n}`, birthDate, vitaleSerial: '12345678901' });
  }
  const col = <K extends keyof InsuredPerson>(k: K) => people.map((p) => p[k]);
  await sql`insert into insured_people (nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, departement, email,
      mobile, postal_address, parent_nir, ase, has_dmp, row_hash)
    select n, v, 'TESTEUR', f, b::date, left(n, 1)::smallint, '75056', ${opts.departement}, e, null, ${opts.postalAddress ?? '1 rue de la Paix, 75002 Paris'},
      ${opts.parentNir ?? null}, ${opts.ase ?? false}, false, 'x'
    from unnest(${col('nir')}::text[], ${col('vitaleSerial')}::text[], ${col('firstNames')}::text[], ${col('birthDate')}::text[], ${col('email')}::text[])
      as t(n, v, f, b, e)
    on conflict (nir) do nothing`.execute(db);
  return people;
}
