import { addDays } from '@/lib/campaigns/window';
import type { Appointment, Reminder } from './agenda-rows';

/**
 * RFC 5545 text for the agenda export, hand-written (no dependency: see README). Pure.
 * Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character); TEXT values escape
 * `\`, `;`, `,` and newlines (§3.3.11). Each item has a UID stable across exports (§3.8.4.7).
 */
const CRLF = '\r\n';
const UID_DOMAIN = 'monespacesante.invalid';

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** §3.1: a content line longer than 75 octets continues on lines starting with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; a continuation line holds 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 2026-12-03T08:00:00.000Z → 20261203T080000Z */
const utc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const date = (iso: string) => iso.replace(/-/g, '');

function textProps(props: Record<string, string | null>): string[] {
  return Object.entries(props).flatMap(([name, value]) => (value ? [`${name}:${escapeText(value)}`] : []));
}

function appointmentLines(a: Appointment, stamp: string): string[] {
  return ['BEGIN:VEVENT', `UID:appointment-${a.id}@${UID_DOMAIN}`, `DTSTAMP:${stamp}`, `DTSTART:${utc(a.startsAt)}`,
    ...textProps({ SUMMARY: a.title, LOCATION: a.place, DESCRIPTION: a.note }), 'END:VEVENT'];
}

/** A reminder is an all-day event on its date (better supported by calendar apps than VTODO). */
function reminderLines(r: Reminder, stamp: string): string[] {
  return ['BEGIN:VEVENT', `UID:reminder-${r.id}@${UID_DOMAIN}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${date(r.dueOn)}`,
    `DTEND;VALUE=DATE:${date(addDays(r.dueOn, 1))}`, 'TRANSP:TRANSPARENT',
    ...textProps({ SUMMARY: `Rappel : ${r.title}`, DESCRIPTION: r.note }), 'END:VEVENT'];
}

export function toIcs(items: { appointments: Appointment[]; reminders: Reminder[] }, now: Date): string {
  const stamp = utc(now);
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mon espace santé//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    ...items.appointments.flatMap((a) => appointmentLines(a, stamp)),
    ...items.reminders.flatMap((r) => reminderLines(r, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
