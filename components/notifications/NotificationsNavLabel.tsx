/** NOT-6: the spoken name of the menu entry: "Notifications, 3 non lues". */
export function notificationsNavName(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} non ${unread > 1 ? 'lues' : 'lue'}` : 'Notifications';
}

/** NOT-6: the menu entry as seen, with its unread count as a badge (the link's name says it in words). */
export function NotificationsNavLabel({ unread }: { unread: number }) {
  if (unread <= 0) return <>Notifications</>;
  return (
    <>
      Notifications
      <span className="ml-2 inline-flex min-w-6 justify-center rounded-full bg-primary-700 px-1.5 text-sm font-bold text-white">
        {unread > 99 ? '99+' : unread}
      </span>
    </>
  );
}
