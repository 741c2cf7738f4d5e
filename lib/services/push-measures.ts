import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { authorize, type DenyCode } from '@/lib/access/policy';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
import type { AuthenticatedService } from './client-credentials';
import { ConsentNotGivenError, IdempotencyConflictError, PushValidationError, ServiceUnavailableError, type PushItemError } from './errors';
import { checkPushedMeasure, type PushRequest } from './push-request';

type Outcome = { stored: number; replayed: boolean } | { refused: DenyCode } | { invalid: PushItemError[] } | { conflict: true };

/**
 * MEA-8, CAT-2, CAT-5, CAT-8: a connected service pushes measures into the profile whose INS it gives.
 * In one transaction: the service must be EN_LIGNE and the profile ACTIVE with a live MEASURES_WRITE
 * consent for it (read with a share lock, so a disconnection committed first refuses this call, and one
 * that comes later waits for it); every value must pass MEA-1/MEA-2 (all or nothing); values are stored
 * as SERVICE_TIERS, `source_ref` = the service; the call is traced SERVICE_TIERS, refusals included.
 * An unknown profile and a profile without consent get the same refusal (no existence leak).
 * With an Idempotency-Key, a retried call is answered with the first answer and stores nothing; the
 * same value pushed twice is stored once anyway.
 */
export async function pushMeasures(db: Db, service: AuthenticatedService, input: PushRequest & { idempotencyKey?: string }, now: Date) {
  const { actor } = service;
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const trace = (profileId: string | null, rest: Partial<TraceInput> = {}) =>
      recordAccess(trx, { actor, action: 'measure.push', profileId, at: now, channel: 'API', ...rest });
    const current = await trx.selectFrom('connected_services').select('status').where('id', '=', actor.serviceId).forShare().executeTakeFirstOrThrow();
    const profile = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
      .select(['profiles.id', 'profiles.state', 'profiles.birth_date', 'accounts.id as holder'])
      .where('profiles.nir', '=', input.ins).forShare('profiles').executeTakeFirst();
    const consents = profile ? await trx.selectFrom('service_consents').select('purpose').where('profile_id', '=', profile.id)
      .where('service_id', '=', actor.serviceId).where('revoked_at', 'is', null).forShare().execute() : [];
    const decision = authorize(actor, 'measure.push', {
      profile: profile && { id: profile.id, state: profile.state, holderAccountId: profile.holder },
      service: { status: current.status, consentedPurposes: consents.map((c) => c.purpose) },
    });
    if (!decision.allowed) {
      await trace(profile?.id ?? null, { decision });
      return { refused: decision.code };
    }
    const p = profile!;
    const checked = input.measures.map((m, i) => checkPushedMeasure(m, i, { now, birthDate: p.birth_date }));
    const invalid = checked.flatMap((c) => (c.ok ? [] : c.errors));
    if (invalid.length > 0) {
      await trace(p.id, { denied: 'invalid-measures' });
      return { invalid };
    }
    if (input.idempotencyKey) {
      const requestHash = createHash('sha256').update(JSON.stringify({ ins: input.ins, measures: input.measures })).digest('hex');
      const claimed = await trx.insertInto('service_push_requests').values({
        service_id: actor.serviceId, idempotency_key: input.idempotencyKey, profile_id: p.id, request_hash: requestHash, stored: 0, created_at: now,
      }).onConflict((oc) => oc.columns(['service_id', 'idempotency_key']).doNothing()).returning('stored').executeTakeFirst();
      if (!claimed) {
        const first = await trx.selectFrom('service_push_requests').select(['request_hash', 'stored'])
          .where('service_id', '=', actor.serviceId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
        if (first.request_hash !== requestHash) {
          await trace(p.id, { denied: 'idempotency-conflict' });
          return { conflict: true };
        }
        await trace(p.id, { target: { type: 'replay', id: input.idempotencyKey } });
        return { stored: first.stored, replayed: true };
      }
    }
    const values = checked.flatMap((c) => (c.ok ? [c.measure] : [])).map((m) => ({
      profile_id: p.id, type: m.type, value: m.value, value2: m.value2, unit: m.unit, effective_at: m.effectiveAt,
      source: 'SERVICE_TIERS' as const, source_ref: actor.serviceId, created_by_account: null, created_at: now,
    }));
    const stored = await trx.insertInto('measures').values(values)
      .onConflict((oc) => oc.columns(['profile_id', 'source_ref', 'type', 'effective_at', 'value', 'value2']).where('source', '=', 'SERVICE_TIERS').doNothing())
      .returning('id').execute();
    if (input.idempotencyKey) {
      await trx.updateTable('service_push_requests').set({ stored: stored.length })
        .where('service_id', '=', actor.serviceId).where('idempotency_key', '=', input.idempotencyKey).execute();
    }
    await trace(p.id);
    return { stored: stored.length, replayed: false };
  });
  if ('refused' in outcome) throw outcome.refused === 'service-unavailable' ? new ServiceUnavailableError() : new ConsentNotGivenError();
  if ('invalid' in outcome) throw new PushValidationError(outcome.invalid);
  if ('conflict' in outcome) throw new IdempotencyConflictError();
  return outcome;
}
