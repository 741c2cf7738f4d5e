import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { DomainError, ValidationError } from '@/lib/errors';
import { parseNir } from '@/lib/identity/nir';

export type CardType = 'photo' | 'sans-photo';
export type Identity = { nir: string; vitaleSerial: string; cardType: CardType };
export type OpposableProfile = { id: string; firstNames: string; birthName: string; birthDate: string; state: ProfileState; relation: 'SELF' | 'CHILD' };

export class IdentityNotFoundError extends DomainError {
  constructor() {
    super('opposition.identity', 'Les informations saisies ne correspondent à aucun profil Mon espace santé. Vérifiez le numéro de sécurité sociale et le numéro de série de votre carte Vitale, ou appelez le 3422.');
  }
}

/** ACT-3 with the card type the person states: 11 digits with photo, 8 to 13 without. */
export function checkSerialForCard(serial: string, cardType: CardType): string | null {
  const s = serial.replace(/\s/g, '');
  if (!/^\d+$/.test(s)) return 'Le numéro de série ne contient que des chiffres.';
  if (cardType === 'photo' && s.length !== 11) return 'Une carte Vitale avec photo a un numéro de série de 11 chiffres.';
  if (cardType === 'sans-photo' && (s.length < 8 || s.length > 13)) return 'Une carte Vitale sans photo a un numéro de série de 8 à 13 chiffres.';
  return null;
}

/**
 * OPP-3, OPP-5: a person identified by their carte Vitale (NIR, serial, card type, no code) sees
 * their own profile and those of the children attached to them (CMP-2: they are the parent principal).
 */
export async function findOpposableProfiles(db: Db, identity: Identity): Promise<OpposableProfile[]> {
  const nir = parseNir(identity.nir).nir;
  const serialError = checkSerialForCard(identity.vitaleSerial, identity.cardType);
  if (serialError) throw new ValidationError('opposition.serial', serialError, 'vitaleSerial');
  const serial = identity.vitaleSerial.replace(/\s/g, '');
  const rows = await sql<{ id: string; first_names: string; birth_name: string; birth_date: string; state: ProfileState; relation: 'SELF' | 'CHILD' }>`
    select p.id, p.first_names, p.birth_name, p.birth_date::text, p.state, 'SELF' as relation
      from profiles p where p.nir = ${nir} and p.vitale_serial = ${serial}
    union all
    select c.id, c.first_names, c.birth_name, c.birth_date::text, c.state, 'CHILD'
      from insured_people ip join profiles c on c.nir = ip.nir
      where ip.parent_nir = ${nir} and exists (select 1 from profiles s where s.nir = ${nir} and s.vitale_serial = ${serial})
    order by relation desc, birth_date`.execute(db);
  if (rows.rows.length === 0 || !rows.rows.some((r) => r.relation === 'SELF')) throw new IdentityNotFoundError();
  return rows.rows.map((r) => ({ id: r.id, firstNames: r.first_names, birthName: r.birth_name, birthDate: r.birth_date, state: r.state, relation: r.relation }));
}
