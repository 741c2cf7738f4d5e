'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { deleteNotification } from '@/lib/notifications/delete-notification';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/read-notifications';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const PAGE = '/espace/notifications';

/** The page to come back to: same profile, same keyset page. */
const context = async (form: FormData) => {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  const page = Object.fromEntries(['avant', 'apres'].map((k) => [k, text(form, k)]).filter(([, v]) => v)) as Record<string, string>;
  return { actor, profil, page, back: withProfile(PAGE, profil, page) };
};

/** Every page of the space shows the unread count in the menu: refresh it after a change. */
const refreshMenu = () => revalidatePath('/espace', 'layout');

/** NOT-6: this account has read one notification. */
export async function markReadAction(form: FormData) {
  const { actor, profil, page, back } = await context(form);
  await runThenRedirect(back, withProfile(PAGE, profil, { ...page, lue: '1' }), async () => {
    await markNotificationRead(getDb(), actor, text(form, 'notification'), clock.now());
    refreshMenu();
  });
}

/** NOT-6: "Tout marquer comme lu" on the profile shown, for this account. */
export async function markAllReadAction(form: FormData) {
  const { actor, profil, back } = await context(form);
  const profileId = text(form, 'profil-affiche');
  await runThenRedirect(back, withProfile(PAGE, profil, { 'tout-lu': '1' }), async () => {
    await markAllNotificationsRead(getDb(), actor, profileId, clock.now());
    refreshMenu();
  });
}

/** NOT-6: deleted for every account sharing the profile. */
export async function deleteAction(form: FormData) {
  const { actor, profil, page, back } = await context(form);
  await runThenRedirect(back, withProfile(PAGE, profil, { ...page, supprimee: '1' }), async () => {
    await deleteNotification(getDb(), actor, text(form, 'notification'), clock.now());
    refreshMenu();
  });
}
