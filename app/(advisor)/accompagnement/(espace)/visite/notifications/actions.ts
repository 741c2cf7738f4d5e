'use server';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { changeNotificationsInVisit } from '@/lib/france-services/visits/assisted-actions';
import { SWITCHABLE_KINDS, type SwitchableKind } from '@/lib/notifications/kinds';
import type { ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { runThenRedirect } from '@/app/(patient)/espace/form-redirect';
import { advisorInVisitOrRedirect } from '../visit-guard';

const FIELDS = { EMAIL: 'courriel', SMS: 'sms', PUSH: 'push' } as const;

/** FS-3, NOT-1: the person's switches of the three channels, all at once (an unticked box is off). */
export async function saveVisitNotificationsAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const switches = Object.fromEntries(Object.entries(FIELDS).map(([channel, field]) => {
    const ticked = new Set(form.getAll(field).filter((v): v is string => typeof v === 'string'));
    return [channel, Object.fromEntries((Object.keys(SWITCHABLE_KINDS) as SwitchableKind[]).map((k) => [k, ticked.has(k)])) as ChannelSwitches];
  })) as Record<keyof typeof FIELDS, ChannelSwitches>;
  await runThenRedirect('/accompagnement/visite/notifications', '/accompagnement/visite?notifications=1',
    () => changeNotificationsInVisit(getDb(), advisor, switches, now));
}
