import { describe, expect, test } from 'vitest';
import { appointmentInput, reminderDueAt, reminderInput } from '@/lib/agenda/rules';

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('AGD-1: appointment fields', () => {
  test('AGD-1: a valid appointment becomes a UTC instant from Paris wall time', () => {
    const r = appointmentInput.parse({ title: '  Dentiste ', date: '03/12/2026', time: '14:30', place: '', note: '' });
    expect(r).toEqual({ title: 'Dentiste', startsAt: new Date('2026-12-03T13:30:00Z'), place: null, note: null });
  });

  test.each([
    ['title', { title: '' }, 'Saisissez un titre.'],
    ['title', { title: 'x'.repeat(101) }, 'Le titre ne doit pas dépasser 100 caractères.'],
    ['note', { note: 'n'.repeat(1001) }, 'La note ne doit pas dépasser 1000 caractères.'],
    ['date', { date: '31/02/2026' }, 'Saisissez une date valide au format JJ/MM/AAAA, par exemple 03/03/2026.'],
    ['date', { date: '' }, 'Saisissez la date du rendez-vous.'],
    ['time', { time: '25:00' }, 'Saisissez une heure valide au format HH:MM, par exemple 14:30.'],
  ])('AGD-1: %s %j → French message on the field', (field, change, message) => {
    const r = appointmentInput.safeParse({ title: 'RDV', date: '03/12/2026', time: '10:00', ...change });
    expect(errorsOf(r)).toEqual({ [field]: message });
  });

  test('AGD-1: 100 characters and a 1000-character note are accepted', () => {
    expect(appointmentInput.safeParse({ title: 'x'.repeat(100), date: '03/12/2026', time: '10:00', note: 'n'.repeat(1000) }).success).toBe(true);
  });
});

describe('AGD-4, AGD-5: reminder fields', () => {
  test('AGD-5: the email goes the day before by default', () => {
    expect(reminderInput.parse({ title: 'Vaccin', dueOn: '10/12/2026' })).toEqual({ title: 'Vaccin', dueOn: '2026-12-10', note: null, remind: 'DAY_BEFORE' });
  });

  test('AGD-4: over-long title and note, unknown timing', () => {
    const r = reminderInput.safeParse({ title: 'x'.repeat(101), dueOn: '10/12/2026', note: 'n'.repeat(1001), remind: 'WEEK_BEFORE' });
    expect(errorsOf(r)).toEqual({ title: 'Le titre ne doit pas dépasser 100 caractères.', note: 'La note ne doit pas dépasser 1000 caractères.',
      remind: 'Choisissez quand recevoir le rappel.' });
  });
});

describe('AGD-5: a reminder is due at 08:00 Europe/Paris', () => {
  test.each([
    ['2026-12-10', 'SAME_DAY', '2026-12-10T07:00:00Z'], // winter, UTC+1
    ['2026-12-10', 'DAY_BEFORE', '2026-12-09T07:00:00Z'],
    ['2026-07-14', 'SAME_DAY', '2026-07-14T06:00:00Z'], // summer, UTC+2
    // DST starts 2026-03-29 at 02:00: 08:00 that day is already summer time.
    ['2026-03-29', 'SAME_DAY', '2026-03-29T06:00:00Z'],
    ['2026-03-30', 'DAY_BEFORE', '2026-03-29T06:00:00Z'],
    ['2026-03-29', 'DAY_BEFORE', '2026-03-28T07:00:00Z'],
    // DST ends 2026-10-25 at 03:00: 08:00 that day is winter time again.
    ['2026-10-25', 'SAME_DAY', '2026-10-25T07:00:00Z'],
    ['2026-10-25', 'DAY_BEFORE', '2026-10-24T06:00:00Z'],
    ['2026-10-26', 'DAY_BEFORE', '2026-10-25T07:00:00Z'],
    ['2027-01-01', 'DAY_BEFORE', '2026-12-31T07:00:00Z'], // across a year
  ] as const)('AGD-5: %s %s → %s', (dueOn, remind, expected) => {
    expect(reminderDueAt(dueOn, remind).toISOString()).toBe(new Date(expected).toISOString());
  });
});
