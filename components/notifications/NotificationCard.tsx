import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge, Button } from '@/components/ui';
import type { NotificationItem } from '@/lib/notifications/list-notifications';

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** `path` with `?profil=` when the page shows a represented profile. */
const scoped = (href: string, profil?: string) => (profil ? `${href}${href.includes('?') ? '&' : '?'}profil=${profil}` : href);

type Props = {
  item: NotificationItem;
  profil?: string;
  /** Hidden fields that bring the person back to the same profile and page. */
  hiddenFields: ReactNode;
  markReadAction: (form: FormData) => Promise<void>;
  deleteAction: (form: FormData) => Promise<void>;
};

/** NOT-6: one notification, its read state for this account, "Marquer comme lue" and "Supprimer" (for everyone). */
export function NotificationCard({ item, profil, hiddenFields, markReadAction, deleteAction }: Props) {
  const date = when.format(item.createdAt);
  const name = `« ${item.content.title} » du ${date}`;
  const link = item.content.link;
  return (
    <article aria-labelledby={`notification-${item.id}`}
      className={`rounded-lg border bg-white p-5 ${item.read ? 'border-border' : 'border-l-8 border-primary-700'}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`notification-${item.id}`} className="text-xl font-bold">{item.content.title}</h2>
        {!item.read && <Badge variant="info">Non lue</Badge>}
      </div>
      <p className="text-sm text-muted"><time dateTime={item.createdAt.toISOString()}>{date}</time></p>
      <p className="mt-2">{item.content.body}</p>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        {link && <Link href={link.profileScoped ? scoped(link.href, profil) : link.href}>{link.label}</Link>}
        {!item.read && (
          <form action={markReadAction}>
            {hiddenFields}
            <input type="hidden" name="notification" value={item.id} />
            <Button type="submit" variant="link" aria-label={`Marquer comme lue la notification ${name}`}>Marquer comme lue</Button>
          </form>
        )}
        <form action={deleteAction}>
          {hiddenFields}
          <input type="hidden" name="notification" value={item.id} />
          <Button type="submit" variant="link" aria-label={`Supprimer la notification ${name}`}>Supprimer</Button>
        </form>
      </div>
    </article>
  );
}
