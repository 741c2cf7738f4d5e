'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { SWITCHABLE_KINDS, type NotificationChannel, type SwitchableKind } from '@/lib/notifications/kinds';
import { setNotificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { runThenRedirect } from '../../form-redirect';

const PAGE = '/espace/notifications/preferences';
/** The form field of each channel's boxes. */
const FIELDS: Record<NotificationChannel, string> = { EMAIL: 'courriel', SMS: 'sms', PUSH: 'push' };

/** NOT-1: the switches of the three channels, all at once (an unticked box is not sent: off). */
export async function saveEmailPreferencesAction(form: FormData) {
  const actor = await requireAudience('patient');
  const now = clock.now();
  await runThenRedirect(PAGE, `${PAGE}?enregistre=1`, async () => {
    for (const [channel, field] of Object.entries(FIELDS) as [NotificationChannel, string][]) {
      const ticked = new Set(form.getAll(field).filter((v): v is string => typeof v === 'string'));
      const enabled = Object.fromEntries((Object.keys(SWITCHABLE_KINDS) as SwitchableKind[]).map((k) => [k, ticked.has(k)])) as ChannelSwitches;
      await setNotificationPreferences(getDb(), actor, { channel, enabled }, now);
    }
  });
}
