import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PreventionProgramme } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { checkDraft, type DraftItem } from './edition-draft';

export type PublishEditionInput = {
  programme: PreventionProgramme;
  edition: string;
  /** The Paris day the edition applies from (PRV-1: to windows opening on or after it), "YYYY-MM-DD". */
  effectiveDay: string;
  note: string;
  items: DraftItem[];
};

const frenchDay = (day: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

const firstError = (errors: Record<string, string>) => {
  const [field, message] = Object.entries(errors)[0]!;
  return new ValidationError('calendar.edition', message, field === 'form' ? undefined : field);
};

/**
 * BO-7, PRV-1: a supervisor publishes a new edition of one calendar. Its items apply to windows opening from
 * `effectiveDay` (today or later); every row of the calendar in force that day gets `valid_to` = that day, so
 * editions still partition time (AGD-6: items already generated keep their edition). Refused when an edition
 * already starts on or after that day (overlap). Items opened today from a replaced row and not set by the
 * user are regenerated from the new edition at the next refresh. Traced in the same transaction.
 */
export async function publishCalendarEdition(db: Db, actor: Actor, input: PublishEditionInput, now: Date): Promise<{ edition: string; items: number }> {
  const staff = await ensureStaff(db, actor, 'reference.publish', 'reference.calendar.publish', now);
  const edition = input.edition.trim();
  const errors = checkDraft(edition, input.items);
  if (Object.keys(errors).length) throw firstError(errors);
  const note = input.note.trim();
  if (note.length < 3 || note.length > 500) throw new ValidationError('calendar.note', 'Décrivez le changement en 3 à 500 caractères.', 'note');
  const day = input.effectiveDay;
  if (day < parisIsoDay(now)) throw new ValidationError('calendar.past', 'La date d’effet ne peut pas être dans le passé.', 'dateEffet');

  const published = await db.transaction().execute(async (trx) => {
    // One publisher at a time for the calendars: the overlap check and the closing of the rows run under the lock.
    await sql`lock table prevention_calendar_items in share row exclusive mode`.execute(trx);
    const rows = await trx.selectFrom('prevention_calendar_items').selectAll().where('programme', '=', input.programme).execute();
    if (rows.some((r) => r.edition === edition)) throw new ValidationError('calendar.edition-exists', `L’édition « ${edition} » existe déjà pour ce calendrier : choisissez un autre nom.`, 'edition');
    const later = rows.filter((r) => r.valid_from >= day).sort((a, b) => a.valid_from.localeCompare(b.valid_from))[0];
    if (later) {
      throw new ValidationError('calendar.overlap', `L’édition « ${later.edition} » s’applique déjà à partir du ${frenchDay(later.valid_from)} : la nouvelle édition doit prendre effet après cette date.`, 'dateEffet');
    }
    const replaced = rows.filter((r) => r.valid_from < day && (r.valid_to === null || r.valid_to > day));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const used = new Set<string>();
    const values = input.items.map((it, i) => {
      const from = it.fromId ? byId.get(it.fromId) : undefined;
      let code = from?.code ?? `${input.programme}_${i + 1}`;
      for (let k = 2; used.has(code); k += 1) code = `${from?.code ?? input.programme}_${k}`;
      used.add(code);
      return {
        programme: input.programme, code, label: it.label.trim(), edition, valid_from: day, valid_to: from?.valid_to && from.valid_to > day ? from.valid_to : null,
        target_sex: it.sex, born_from: it.bornFrom, born_before: it.bornBefore, min_months: it.minMonths, min_days: it.minDays,
        max_months: it.maxMonths, max_days: it.maxDays, recurrence_months: it.everyMonths, status: it.status, note: it.note?.trim() || null,
        match_category: from?.match_category ?? null, match_keywords: from?.match_keywords ?? [],
        source: from ? `${from.source} ; édition ${edition} (back-office)` : `Édition ${edition} (back-office)`,
      };
    });
    if (replaced.length) {
      const ids = replaced.map((r) => r.id);
      await trx.updateTable('prevention_calendar_items').set({ valid_to: day }).where('id', 'in', ids).execute();
      await trx.deleteFrom('prevention_items').where('calendar_item_id', 'in', ids).where('window_start', '>=', day).where('status_source', '<>', 'USER').execute();
    }
    await trx.insertInto('prevention_calendar_items').values(values).execute();
    const { id } = await trx.insertInto('prevention_calendar_publications')
      .values({ programme: input.programme, edition, effective_day: day, items: values.length, note, created_by: staff.staffId }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'reference.calendar.publish', profileId: null, target: { type: 'prevention_calendar_edition', id }, at: now, channel: 'BACKOFFICE' });
    return { edition, items: values.length };
  });
  return published;
}
