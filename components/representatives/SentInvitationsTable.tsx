import { Badge, Table } from '@/components/ui';
import type { InvitationStatus } from '@/db/schema';
import { INVITATION_STATUS, dayFr } from './labels';

type Invitation = { id: string; status: InvitationStatus; created_at: Date; expires_at: Date; first_names: string; birth_name: string };

/** REP-3: the invitations sent for a child's profile, newest first, with their effective status. */
export function SentInvitationsTable({ invitations }: { invitations: readonly Invitation[] }) {
  return (
    <Table<Invitation> caption="Invitations envoyées" captionHidden rows={invitations} rowKey={(i) => i.id}
      empty="Aucune invitation envoyée pour ce profil."
      columns={[
        { key: 'who', header: 'Personne invitée', cell: (i) => `${i.first_names.split(' ')[0]} ${i.birth_name}`, rowHeader: true },
        { key: 'sent', header: 'Envoyée le', cell: (i) => dayFr(i.created_at) },
        { key: 'status', header: 'Statut', cell: (i) => (
          <>
            <Badge variant={INVITATION_STATUS[i.status].variant}>{INVITATION_STATUS[i.status].label}</Badge>
            {i.status === 'PENDING' && <span className="ml-2">jusqu’au {dayFr(i.expires_at)}</span>}
          </>
        ) },
      ]} />
  );
}
