import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { computeBmi, isMinorOn, type Reading } from './bmi';
import { computeGmi, GMI_WINDOW_DAYS, type GmiResult } from './gmi';
import { MEASURE_COLUMNS, toMeasures, type Measure } from './measure-rows';
import type { EnterableTypeCode } from './measure-types';
import { parisIsoDay } from './paris-time';
import type { TargetRange } from './target-range';

export const SERIES_PAGE_SIZE = 30;
/** A CGM sends a reading every 15 minutes: 15 days of them, with room to spare. */
const GMI_MAX_READINGS = 5_000;

export type MeasuresProfile = { id: string; firstName: string; birthDate: string; own: boolean; minor: boolean };

/**
 * The policy gate of every read (MEA, REP-5: holder and representatives; staff and advisors refused
 * and traced). Patient-side reads of one's own space are not traced one by one, like the other patient
 * pages; any other allowed reader (a professional) leaves a `measure.read` trace (AUD-1).
 */
export async function openForReading(db: Db, actor: Actor, profileId: string, now: Date): Promise<MeasuresProfile> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', profileId, 'measure.read', now);
  if (actor.kind !== 'PATIENT') await recordAccess(db, { actor, action: 'measure.read', profileId: p.id, at: now });
  return { id: p.id, firstName: p.firstName, birthDate: p.birth_date, own: actor.kind === 'PATIENT' && actor.ownProfileId === p.id,
    minor: isMinorOn(p.birth_date, parisIsoDay(now)) };
}

const reading = (m: Measure | undefined): Reading | undefined => (m ? { value: m.value, effectiveAt: m.effectiveAt } : undefined);

/** « Mes mesures »: the latest value of each type, the IMC (MEA-3) and the GMI (MEA-5). */
export async function measuresOverview(db: Db, actor: Actor, profileId: string, now: Date): Promise<{
  profile: MeasuresProfile; latest: Partial<Record<EnterableTypeCode, Measure>>; bmi: Reading | undefined; gmi: GmiResult;
}> {
  const profile = await openForReading(db, actor, profileId, now);
  const rows = await db.selectFrom('measures').select(MEASURE_COLUMNS).distinctOn('type')
    .where('profile_id', '=', profile.id).orderBy('type').orderBy('effective_at', 'desc').orderBy('id', 'desc').execute();
  const latest: Partial<Record<EnterableTypeCode, Measure>> = {};
  for (const m of await toMeasures(db, rows)) latest[m.type] = m;
  return { profile, latest, bmi: computeBmi(reading(latest.WEIGHT), reading(latest.HEIGHT)), gmi: await gmiOf(db, profile.id, now) };
}

/** MEA-5 from the interstitial glucose readings of the window (bounded). */
async function gmiOf(db: Db, profileId: string, now: Date): Promise<GmiResult> {
  const since = new Date(now.getTime() - (GMI_WINDOW_DAYS + 1) * 86_400_000);
  const rows = await db.selectFrom('measures').select(['value', 'effective_at']).where('profile_id', '=', profileId)
    .where('type', '=', 'INTERSTITIAL_GLUCOSE').where('effective_at', '>=', since).where('effective_at', '<=', now)
    .orderBy('effective_at', 'desc').limit(GMI_MAX_READINGS).execute();
  return computeGmi(rows.map((r) => ({ value: Number(r.value), effectiveAt: r.effective_at })), now);
}

/** A keyset cursor on (effective_at, id): "2026-03-03T07:30:00.000Z~<uuid>". */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([0-9a-f-]{36})$/i;
const cursorOf = (m: Measure) => `${m.effectiveAt.toISOString()}~${m.id}`;
function parseCursor(value: string | undefined): { at: Date; id: string } | undefined {
  const match = value ? CURSOR.exec(value) : null;
  return match ? { at: new Date(match[1]!), id: match[2]! } : undefined;
}

/**
 * One type's values, newest first, one keyset page at a time (`before`: older than the cursor, `after`:
 * newer), with its target range (MEA-7) and, for interstitial glucose, the GMI (MEA-5).
 */
export async function measureSeries(db: Db, actor: Actor, input: { profileId: string; type: EnterableTypeCode; before?: string; after?: string }, now: Date) {
  const profile = await openForReading(db, actor, input.profileId, now);
  const base = db.selectFrom('measures').select(MEASURE_COLUMNS).where('profile_id', '=', profile.id).where('type', '=', input.type);
  const after = parseCursor(input.after);
  const before = after ? undefined : parseCursor(input.before);
  let rows: Measure[];
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (after) {
    const found = await toMeasures(db, await base.where((eb) => eb(eb.refTuple('effective_at', 'id'), '>', eb.tuple(after.at, after.id)))
      .orderBy('effective_at', 'asc').orderBy('id', 'asc').limit(SERIES_PAGE_SIZE + 1).execute());
    hasNewer = found.length > SERIES_PAGE_SIZE;
    rows = found.slice(0, SERIES_PAGE_SIZE).reverse();
    hasOlder = true;
  } else {
    const query = before ? base.where((eb) => eb(eb.refTuple('effective_at', 'id'), '<', eb.tuple(before.at, before.id))) : base;
    const found = await toMeasures(db, await query.orderBy('effective_at', 'desc').orderBy('id', 'desc').limit(SERIES_PAGE_SIZE + 1).execute());
    hasOlder = found.length > SERIES_PAGE_SIZE;
    rows = found.slice(0, SERIES_PAGE_SIZE);
    hasNewer = !!before;
  }
  const target = await db.selectFrom('measure_targets').select(['low', 'high', 'low2', 'high2'])
    .where('profile_id', '=', profile.id).where('type', '=', input.type).executeTakeFirst();
  const num = (v: string | null) => (v === null ? null : Number(v));
  const range: TargetRange | null = target
    ? { low: num(target.low), high: num(target.high), low2: num(target.low2), high2: num(target.high2) } : null;
  return {
    profile, rows, target: range,
    gmi: input.type === 'INTERSTITIAL_GLUCOSE' ? await gmiOf(db, profile.id, now) : undefined,
    olderCursor: hasOlder && rows.length ? cursorOf(rows[rows.length - 1]!) : undefined,
    newerCursor: hasNewer && rows.length ? cursorOf(rows[0]!) : undefined,
  };
}

/** One value of a profile (the delete confirmation names it); undefined when it is not there. */
export async function findMeasure(db: Db, actor: Actor, input: { profileId: string; measureId: string }, now: Date): Promise<Measure | undefined> {
  const profile = await openForReading(db, actor, input.profileId, now);
  const row = await db.selectFrom('measures').select(MEASURE_COLUMNS).where('profile_id', '=', profile.id)
    .where('id', '=', input.measureId).executeTakeFirst();
  return row ? (await toMeasures(db, [row]))[0] : undefined;
}
