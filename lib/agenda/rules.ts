import { z } from 'zod';
import type { ReminderTiming } from '@/db/schema';
import { addDays } from '@/lib/campaigns/window';
import { frenchDateToIso } from '@/lib/identity/dates';
import { parisLocalToUtc } from '@/lib/measures/paris-time';

/** AGD-1, AGD-4: lengths. */
export const TITLE_MAX = 100;
export const NOTE_MAX = 1000;
export const PLACE_MAX = 200;
/** AGD-4: reminders per date per profile. */
export const REMINDERS_PER_DAY = 10;
/** AGD-5: the hour, Europe/Paris, a reminder goes out. */
export const REMIND_HOUR = '08:00';

export const TOO_MANY_REMINDERS = `Vous avez déjà ${REMINDERS_PER_DAY} rappels à cette date : c’est le maximum. Supprimez-en un ou choisissez une autre date.`;

const trimmed = () => z.string().default('').transform((v) => v.trim().replace(/[ \t]+/g, ' '));
const tooLong = (max: number) => `Ce texte ne doit pas dépasser ${max} caractères.`;
const title = () => trimmed().pipe(z.string().min(1, 'Saisissez un titre.').max(TITLE_MAX, `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`));
const optional = (max: number) => trimmed().pipe(z.string().max(max, tooLong(max))).transform((v) => v || null);
const note = () => z.string().default('').transform((v) => v.trim())
  .pipe(z.string().max(NOTE_MAX, `La note ne doit pas dépasser ${NOTE_MAX} caractères.`)).transform((v) => v || null);

/** A day typed JJ/MM/AAAA (or ISO from a date input) → 'YYYY-MM-DD'. */
const day = (missing: string) => trimmed().transform((v, issue): string => {
  const iso = v ? frenchDateToIso(v) : null;
  if (!iso) {
    issue.addIssue({ code: 'custom', message: v ? 'Saisissez une date valide au format JJ/MM/AAAA, par exemple 03/03/2026.' : missing });
    return z.NEVER;
  }
  return iso;
});

const HHMM = /^([01]\d|2[0-3])[:h]([0-5]\d)$/;
const time = () => trimmed().transform((v, issue): string => {
  const m = HHMM.exec(v);
  if (!m) {
    issue.addIssue({ code: 'custom', message: v ? 'Saisissez une heure valide au format HH:MM, par exemple 14:30.' : 'Saisissez l’heure du rendez-vous.' });
    return z.NEVER;
  }
  return `${m[1]}:${m[2]}`;
});

/** AGD-1: an appointment as typed in the form (date and time Paris wall clock). */
export const appointmentInput = z.object({
  title: title(),
  date: day('Saisissez la date du rendez-vous.'),
  time: time(),
  place: optional(PLACE_MAX),
  note: note(),
}).transform(({ date, time: hhmm, ...rest }) => ({ ...rest, startsAt: parisLocalToUtc(date, hhmm) }));
export type AppointmentInput = z.output<typeof appointmentInput>;

/** AGD-4, AGD-5: a reminder as typed in the form; the email goes the day before unless the same day is chosen. */
export const reminderInput = z.object({
  title: title(),
  dueOn: day('Saisissez la date du rappel.'),
  note: note(),
  remind: z.string().default('DAY_BEFORE').transform((v) => v || 'DAY_BEFORE')
    .pipe(z.enum(['SAME_DAY', 'DAY_BEFORE'], { error: 'Choisissez quand recevoir le rappel.' })),
});
export type ReminderInput = z.output<typeof reminderInput>;

/** AGD-5: the instant a reminder is due — 08:00 Europe/Paris on its date, or on the day before. */
export function reminderDueAt(dueOn: string, remind: ReminderTiming): Date {
  return parisLocalToUtc(remind === 'SAME_DAY' ? dueOn : addDays(dueOn, -1), REMIND_HOUR);
}
