import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { DB, EmergencyMode } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import type { EmergencyDetails } from '@/lib/notifications/kinds';
import { EMERGENCY_MODE_LABELS } from '@/lib/notifications/messages';
import { notify } from '@/lib/notifications/notify';
import { professionalNameKey } from './names';
import { ensurePatient, type Channel, type PatientAccess } from './patient-gate';
import { sendProfessionalMessage } from './pro-messages';
import { EMERGENCY_GRANT_MS, EMERGENCY_REASONS, isOccupationalPhysician, MIN_JUSTIFICATION, type EmergencyReason } from './rules';

const REASON_CODES = Object.keys(EMERGENCY_REASONS) as [EmergencyReason, ...EmergencyReason[]];

/** EMG-2, EMG-3: what the « Accès en urgence » form sends; French messages tied to their field. */
export const emergencyStartFields = z.object({
  mode: z.string().default('').pipe(z.enum(['EMERGENCY', 'REGULATION'], { error: 'Choisissez le mode d’accès en urgence.' })),
  reasonCode: z.string().default('').pipe(z.enum(REASON_CODES, { error: 'Choisissez le motif de l’accès en urgence.' })),
  justification: z.string().default('').transform((v) => v.trim()).pipe(z.string()
    .min(MIN_JUSTIFICATION, `Justifiez l’accès en ${MIN_JUSTIFICATION} caractères au moins (espaces au début et à la fin non comptés).`)
    .max(1000, 'La justification ne doit pas dépasser 1 000 caractères.')),
});
export type EmergencyStartInput = { profileId: string; mode: EmergencyMode; reasonCode: string; justification: string };

/**
 * EMG-2 bris de glace, EMG-3 SAMU regulation: the policy decides (PRO-6 blocked, PRO-13 médecin du
 * travail, EMG-1 toggles, EMG-3 regulation centre) and a refusal is traced on the profile by the gate.
 * Then, in one transaction: a 2-hour read-only grant (a second start makes a new one), its trace in
 * the grant's mode (EMG-7), the holder's and every representative's email at once, never grouped
 * (EMG-5, NOT-2, NOT-3), and the médecin traitant's secure message (EMG-6).
 */
export async function startEmergencyAccess(db: Db, actor: ProfessionalActor, input: EmergencyStartInput, now: Date,
  channel: Channel): Promise<{ grantId: string; expiresAt: Date }> {
  const parsed = emergencyStartFields.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError('emergency.invalid', issue.message, String(issue.path[0] ?? ''));
  }
  const { mode, reasonCode, justification } = parsed.data;
  const patient = await ensurePatient(db, actor, input.profileId, 'emergency.start', 'emergency.start', now, channel,
    { mode, occupational: isOccupationalPhysician(actor) });
  const expiresAt = new Date(now.getTime() + EMERGENCY_GRANT_MS);
  return db.transaction().execute(async (trx) => {
    const grant = await trx.insertInto('emergency_accesses').values({
      profile_id: patient.profile.id, professional_id: actor.professionalId, mode, reason_code: reasonCode, justification,
      started_at: now, expires_at: expiresAt,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'emergency.start', profileId: patient.profile.id, target: { type: 'emergency_access', id: grant.id },
      mode, at: now, channel });
    const details: EmergencyDetails = { professional: professionalName(actor), profession: actor.professionLabel, at: now.toISOString(), mode, justification };
    await notify(trx, { profileId: patient.profile.id, kind: 'EMERGENCY_ACCESS', at: now,
      data: { actorLabel: `${details.professional} (${details.profession})`, emergency: details } });
    const gp = await medecinTraitantOf(trx, patient.profile.id, actor.professionalId);
    if (gp) {
      await sendProfessionalMessage(trx, { professionalId: gp, profileId: patient.profile.id, at: now,
        ...gpMessage(details, EMERGENCY_REASONS[reasonCode], patient.profile) });
    }
    return { grantId: grant.id, expiresAt };
  });
}

const professionalName = (actor: ProfessionalActor) => (actor.facility ? `${actor.name}, ${actor.facility.name}` : actor.name);

/**
 * EMG-6: the médecin traitant declared to the fund; else the one the patient named in « Mes
 * professionnels de santé » when exactly one professional bears that name; else nobody. Never the
 * emergency reader themself.
 */
async function medecinTraitantOf(trx: Transaction<DB>, profileId: string, readerId: string): Promise<string | null> {
  const row = await trx.selectFrom('profiles as p').select('p.declared_gp_id')
    .select((eb) => eb.selectFrom('medical_entries as m').select(sql<string>`m.payload->>'name'`.as('name'))
      .whereRef('m.profile_id', '=', 'p.id').where('m.kind', '=', 'PROFESSIONAL')
      .where(sql<string>`m.payload->>'role'`, '=', 'MEDECIN_TRAITANT').orderBy('m.seq', 'desc').limit(1).as('named'))
    .where('p.id', '=', profileId).executeTakeFirstOrThrow();
  if (row.declared_gp_id) return row.declared_gp_id === readerId ? null : row.declared_gp_id;
  const key = row.named ? professionalNameKey(row.named) : '';
  if (!key) return null;
  // The family name is a suffix of "given family": probe the lower(family_name) index with each suffix.
  const words = key.split(' ');
  const suffixes = words.map((_, i) => words.slice(i).join(' '));
  const matches = await trx.selectFrom('professionals').select('id')
    .where(sql<boolean>`lower(family_name) in (${sql.join(suffixes.map((s) => sql`lower(${s})`))})`)
    .where(sql<boolean>`lower(btrim(regexp_replace(given_name || ' ' || family_name, '[[:space:]]+', ' ', 'g'))) = lower(${key})`)
    .limit(2).execute();
  return matches.length === 1 && matches[0]!.id !== readerId ? matches[0]!.id : null;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** EMG-6: the secure message to the médecin traitant: who, when, the mode, the reason and the justification; no document. Pure. */
export function gpMessage(e: EmergencyDetails, reasonLabel: string,
  patient: Pick<PatientAccess['profile'], 'firstNames' | 'birthName' | 'birthDate'>): { subject: string; body: string } {
  const who = `${patient.firstNames} ${patient.birthName}, né(e) le ${frenchDate(patient.birthDate)}`;
  return {
    subject: `Accès en urgence au profil de ${patient.firstNames} ${patient.birthName}`,
    body: [
      `Vous êtes le médecin traitant de ${who}. Son profil Mon espace santé a fait l’objet d’un accès en urgence.`,
      `Professionnel de santé : ${e.professional} (${e.profession})`,
      `Date et heure : ${PARIS.format(new Date(e.at))}`,
      `Mode d’accès : ${EMERGENCY_MODE_LABELS[e.mode]}`,
      `Motif : ${reasonLabel}`,
      `Justification : « ${e.justification} »`,
      'Cet accès permet seulement de consulter le profil, pendant 2 heures. Le patient et ses représentants légaux en ont été informés.',
    ].join('\n'),
  };
}
