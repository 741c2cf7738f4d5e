/** MSG-4: the spoken name of the menu entry: "Messagerie, 2 messages non lus". */
export function messagesNavName(unread: number): string {
  return unread > 0 ? `Messagerie, ${unread} message${unread > 1 ? 's' : ''} non lu${unread > 1 ? 's' : ''}` : 'Messagerie';
}

/** MSG-4: the menu entry as seen, with its unread count as a badge (the link's name says it in words). */
export function MessagesNavLabel({ unread }: { unread: number }) {
  if (unread <= 0) return <>Messagerie</>;
  return (
    <>
      Messagerie
      <span className="ml-2 inline-flex min-w-6 justify-center rounded-full bg-primary-700 px-1.5 text-sm font-bold text-white">
        {unread > 99 ? '99+' : unread}
      </span>
    </>
  );
}
