import Link from 'next/link';
import { Badge, Button } from '@/components/ui';
import type { AgendaItem } from '@/lib/agenda/agenda-rows';
import { readOnlyMessage } from '@/lib/agenda/edit-appointment';

const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'full' });

type Props = {
  items: AgendaItem[];
  profileId: string;
  /** Link to the edit page of an appointment. */
  editHref: (appointmentId: string) => string;
  deleteAppointment: (form: FormData) => Promise<void>;
  deleteReminder: (form: FormData) => Promise<void>;
  empty: string;
};

/** AGD-1, AGD-2, AGD-4: appointments and reminders in time order, each with its actions (none for a service's appointment). */
export function AgendaList({ items, profileId, editHref, deleteAppointment, deleteReminder, empty }: Props) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="space-y-4">
      {items.map((item) => (
        <li key={item.id} className="rounded-lg border border-border bg-white p-4">
          {item.kind === 'APPOINTMENT' ? (
            <>
              <p className="mb-1"><Badge variant="info">Rendez-vous</Badge> <span className="ml-2">{dateTime.format(item.startsAt)}</span></p>
              <h3 className="text-lg font-bold">{item.title}</h3>
              {item.place && <p>{item.place}</p>}
              {item.note && <p className="whitespace-pre-line text-sm">{item.note}</p>}
              {item.source === 'EDITOR_SOLUTION' ? (
                <p className="mt-2 text-sm">{readOnlyMessage(item.serviceName)}</p>
              ) : (
                <div className="mt-2 flex flex-wrap gap-4">
                  <Link href={editHref(item.id)}>Modifier<span className="sr-only"> le rendez-vous « {item.title} »</span></Link>
                  <form action={deleteAppointment}>
                    <input type="hidden" name="profileId" value={profileId} />
                    <input type="hidden" name="appointmentId" value={item.id} />
                    <Button type="submit" variant="link">Supprimer<span className="sr-only"> le rendez-vous « {item.title} »</span></Button>
                  </form>
                </div>
              )}
            </>
          ) : (
            <>
              <p className="mb-1"><Badge variant="neutral">Rappel</Badge> <span className="ml-2">{day.format(new Date(`${item.dueOn}T00:00:00Z`))}</span></p>
              <h3 className="text-lg font-bold">{item.title}</h3>
              {item.note && <p className="whitespace-pre-line text-sm">{item.note}</p>}
              <p className="text-sm">
                {!item.remindedAt ? `E-mail à 8 h ${item.remind === 'SAME_DAY' ? 'le jour même' : 'la veille'}.`
                  : item.remindedAt.getTime() === item.createdAt.getTime() ? 'Ajouté après l’heure du rappel : pas d’e-mail.' : 'E-mail de rappel envoyé.'}
              </p>
              <form action={deleteReminder} className="mt-2">
                <input type="hidden" name="profileId" value={profileId} />
                <input type="hidden" name="reminderId" value={item.id} />
                <Button type="submit" variant="link">Supprimer<span className="sr-only"> le rappel « {item.title} »</span></Button>
              </form>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
