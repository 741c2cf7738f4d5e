'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { SWITCHABLE_KINDS, type SwitchableKind } from '@/lib/notifications/kinds';
import { setNotificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { runThenRedirect } from '../../form-redirect';

const PAGE = '/espace/notifications/preferences';

/** NOT-1: the email switches, all at once (an unticked box is not sent: off). */
export async function saveEmailPreferencesAction(form: FormData) {
  const actor = await requireAudience('patient');
  const ticked = new Set(form.getAll('courriel').filter((v): v is string => typeof v === 'string'));
  const enabled = Object.fromEntries((Object.keys(SWITCHABLE_KINDS) as SwitchableKind[]).map((k) => [k, ticked.has(k)])) as ChannelSwitches;
  await runThenRedirect(PAGE, `${PAGE}?enregistre=1`, () => setNotificationPreferences(getDb(), actor, { channel: 'EMAIL', enabled }, clock.now()));
}
