import { describe, expect, test } from 'vitest';
import type { Appointment, Reminder } from '@/lib/agenda/agenda-rows';
import { escapeText, foldLine, toIcs } from '@/lib/agenda/ics';

const appointment = (over: Partial<Appointment> = {}): Appointment => ({ kind: 'APPOINTMENT', id: '11111111-1111-4111-8111-111111111111',
  title: 'Dentiste', startsAt: new Date('2026-12-03T13:30:00Z'), place: null, note: null, source: 'PATIENT', serviceName: null,
  updatedAt: new Date('2026-11-01T00:00:00Z'), ...over });
const reminder: Reminder = { kind: 'REMINDER', id: '22222222-2222-4222-8222-222222222222', title: 'Vaccin grippe', dueOn: '2026-12-31',
  note: null, remind: 'DAY_BEFORE', remindedAt: null, createdAt: new Date('2026-11-01T00:00:00Z') };
const now = new Date('2026-11-29T10:00:00Z');

describe('.ics export (RFC 5545)', () => {
  test('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  test('folds at 75 octets with CRLF + space, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line); // unfolding gives the line back
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  test('a VEVENT per appointment, an all-day VEVENT per reminder, CRLF everywhere, stable UIDs', () => {
    const ics = toIcs({ appointments: [appointment({ place: 'Cabinet, 3 rue; Lyon', note: 'Apporter\nla radio' })], reminders: [reminder] }, now);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
    expect(ics).toContain('UID:appointment-11111111-1111-4111-8111-111111111111@monespacesante.invalid\r\n');
    expect(ics).toContain('DTSTART:20261203T133000Z\r\n');
    expect(ics).toContain('LOCATION:Cabinet\\, 3 rue\\; Lyon\r\n');
    expect(ics).toContain('DESCRIPTION:Apporter\\nla radio\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(ics).toContain('SUMMARY:Rappel : Vaccin grippe\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // The same items exported later keep their UIDs (a calendar app updates instead of duplicating).
    const later = toIcs({ appointments: [appointment()], reminders: [reminder] }, new Date('2027-01-01T00:00:00Z'));
    expect(later.match(/^UID:.*$/gm)).toEqual(ics.match(/^UID:.*$/gm));
  });

  test('a long note is folded in the file', () => {
    const ics = toIcs({ appointments: [appointment({ note: 'x'.repeat(300) })], reminders: [] }, now);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});
