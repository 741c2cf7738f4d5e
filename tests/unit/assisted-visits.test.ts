import { describe, expect, test } from 'vitest';
import {
  closingOf, coveredProfiles, nextSteps, offeredActions, summaryAvailable, visitActive, visitExpiry,
} from '@/lib/france-services/visits/rules';

const start = new Date('2026-11-29T10:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('FS-2: a visit lasts 60 minutes at most', () => {
  const open = { endedAt: null, expiresAt: visitExpiry(start) };
  test('it expires 60 minutes after it started', () => expect(visitExpiry(start)).toEqual(minutes(60)));
  test('active right after it started and at 59 minutes', () => {
    expect(visitActive(open, start)).toBe(true);
    expect(visitActive(open, minutes(59))).toBe(true);
  });
  test('no longer active at 60 minutes', () => expect(visitActive(open, minutes(60))).toBe(false));
  test('an ended visit is not active, even within the hour', () => expect(visitActive({ ...open, endedAt: minutes(5) }, minutes(10))).toBe(false));
  test('an open visit found past its end is closed EXPIRED at its expiry, not when noticed', () => {
    expect(closingOf(open, minutes(30))).toBeNull();
    expect(closingOf(open, minutes(95))).toEqual({ endedAt: minutes(60), reason: 'EXPIRED' });
    expect(closingOf({ ...open, endedAt: minutes(20) }, minutes(95))).toBeNull();
  });
});

describe('FS-2: what a visit covers', () => {
  test('the person’s own profile, then the profiles they represent or that are attached to them, each once', () => {
    expect(coveredProfiles('me', ['child-1'], ['child-1', 'child-2'])).toEqual([
      { profileId: 'me', relation: 'SELF' }, { profileId: 'child-1', relation: 'REPRESENTED' }, { profileId: 'child-2', relation: 'REPRESENTED' },
    ]);
  });
  test('a person who represents nobody: only their own profile', () => {
    expect(coveredProfiles('me', [], [])).toEqual([{ profileId: 'me', relation: 'SELF' }]);
  });
});

describe('FS-3: what the advisor may offer, and the summary', () => {
  test('notification settings only for the present person with an activated account', () => {
    expect(offeredActions({ state: 'ACTIVE', relation: 'SELF', activated: true })).toEqual({ notifications: true, contact: true, newCode: false, opposition: false, activation: false, closure: true });
    expect(offeredActions({ state: 'ACTIVE', relation: 'REPRESENTED', activated: true }).notifications).toBe(false);
    expect(offeredActions({ state: 'ACTIVE', relation: 'REPRESENTED', activated: true }).contact).toBe(false);
  });
  test('OPP-4: opposition only in the window (PENDING); CMP-8, ACT-1: a new code and activation while awaiting activation', () => {
    expect(offeredActions({ state: 'PENDING', relation: 'REPRESENTED', activated: false })).toEqual({ notifications: false, contact: false, newCode: true, opposition: true, activation: true, closure: false });
    expect(offeredActions({ state: 'CREATED', relation: 'SELF', activated: false })).toEqual({ notifications: false, contact: false, newCode: true, opposition: false, activation: true, closure: true });
    expect(offeredActions({ state: 'OPPOSED', relation: 'SELF', activated: false })).toEqual({ notifications: false, contact: false, newCode: false, opposition: false, activation: false, closure: false });
  });
  test('CLO-2, CLO-5: closure of a created or active profile, deletion request for a closed one; nothing else once closed', () => {
    expect(offeredActions({ state: 'CLOSED', relation: 'SELF', activated: true })).toEqual({ notifications: false, contact: false, newCode: false, opposition: false, activation: false, closure: true });
    expect(offeredActions({ state: 'DELETION_REQUESTED', relation: 'SELF', activated: true }).closure).toBe(false);
    expect(offeredActions({ state: 'SUSPENDED', relation: 'SELF', activated: true }).closure).toBe(false);
  });
  test('the summary says what to do next for each kind of action once, then where to get help', () => {
    const steps = nextSteps(['NEW_CODE', 'NEW_CODE', 'OPPOSITION']);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('nouveau code provisoire');
    expect(steps[1]).toContain('Gardez le récépissé');
    expect(steps[2]).toContain('3422');
  });
  test('a visit with nothing done says so', () => expect(nextSteps([])[0]).toBe('Aucune démarche n’a été effectuée au cours de cet accompagnement.'));
  test('the summary is printable during the visit and 30 minutes after its end, not later', () => {
    const open = { endedAt: null, expiresAt: visitExpiry(start) };
    expect(summaryAvailable(open, minutes(10))).toBe(true);
    expect(summaryAvailable({ ...open, endedAt: minutes(20) }, minutes(49))).toBe(true);
    expect(summaryAvailable({ ...open, endedAt: minutes(20) }, minutes(50))).toBe(false);
    expect(summaryAvailable(open, minutes(89))).toBe(true);
    expect(summaryAvailable(open, minutes(90))).toBe(false);
  });
});
