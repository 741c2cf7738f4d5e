'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { CalendarItemStatus } from '@/db/schema';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { frenchDateToIso } from '@/lib/identity/dates';
import { checkDraft, isProgramme, STATUS_LABELS, type DraftItem } from '@/lib/prevention/edition-draft';
import { publishCalendarEdition } from '@/lib/prevention/publish-edition';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';

const num = (v: FormDataEntryValue | null, empty: number | null) => {
  const s = String(v ?? '').trim();
  return s === '' ? empty : /^\d+$/.test(s) ? Number(s) : Number.NaN;
};

/** The form's rows (`label_3`...) as draft items; removed rows and an empty added row are left out. */
function parseItems(form: FormData, errors: Record<string, string>): { items: DraftItem[]; rowOf: number[] } {
  const count = Math.min(Number(form.get('count') ?? 0) || 0, 500);
  const items: DraftItem[] = [];
  const rowOf: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const fromId = String(form.get(`fromId_${i}`) ?? '') || null;
    const label = String(form.get(`label_${i}`) ?? '');
    if (form.get(`remove_${i}`) === 'on' || (!fromId && !label.trim())) continue;
    const date = (name: string) => {
      const raw = String(form.get(`${name}_${i}`) ?? '').trim();
      if (!raw) return null;
      const iso = frenchDateToIso(raw);
      if (!iso) errors[`${name}_${i}`] = `Élément ${items.length + 1} : saisissez une date valide au format JJ/MM/AAAA.`;
      return iso ?? null;
    };
    const sex = String(form.get(`sex_${i}`) ?? '');
    const status = String(form.get(`status_${i}`) ?? '') as CalendarItemStatus;
    items.push({
      fromId, label, minMonths: num(form.get(`min_${i}`), Number.NaN)!, minDays: num(form.get(`minDays_${i}`), 0)!,
      maxMonths: num(form.get(`max_${i}`), Number.NaN)!, maxDays: num(form.get(`maxDays_${i}`), 0)!, everyMonths: num(form.get(`every_${i}`), null),
      sex: sex === '1' ? 1 : sex === '2' ? 2 : null, bornFrom: date('bornFrom'), bornBefore: date('bornBefore'),
      status: status in STATUS_LABELS ? status : 'RECOMMENDED', note: String(form.get(`note_${i}`) ?? '').trim() || null,
    });
    rowOf.push(i);
  }
  return { items, rowOf };
}

/** BO-7, PRV-1: « Publier l’édition » — the edited items, the edition's name, its effective date and a note. */
export async function publishEditionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const programme = String(form.get('programme') ?? '');
  if (!isProgramme(programme)) return errorState(form, 'Calendrier inconnu.');
  const errors: Record<string, string> = {};
  const { items, rowOf } = parseItems(form, errors);
  const edition = String(form.get('edition') ?? '').trim();
  // The draft's errors, named after the form's rows (the draft has no removed rows).
  for (const [field, message] of Object.entries(checkDraft(edition, items))) {
    const m = /^(\w+)_(\d+)$/.exec(field);
    errors[m ? `${m[1]}_${rowOf[Number(m[2])]}` : field] ??= message;
  }
  const day = frenchDateToIso(String(form.get('dateEffet') ?? ''));
  if (!day) errors.dateEffet = 'Saisissez une date valide au format JJ/MM/AAAA.';
  const { form: general, ...fieldErrors } = errors;
  if (general || Object.keys(fieldErrors).length || !day) return errorState(form, general, fieldErrors);
  const result = await runUseCase(form, () => publishCalendarEdition(getDb(), actor, { programme, edition, effectiveDay: day, note: String(form.get('note') ?? ''), items }, clock.now()));
  if (!result.ok) {
    // A use-case error on a draft row names the draft's index: point it at the form's row.
    const state = result.state;
    state.fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([f, msg]) => {
      const m = /^(\w+)_(\d+)$/.exec(f);
      return [m ? `${m[1]}_${rowOf[Number(m[2])]}` : f, msg];
    }));
    return state;
  }
  redirect(`/admin/referentiels/calendriers/${programme}?publiee=${encodeURIComponent(result.value.edition)}`);
}
