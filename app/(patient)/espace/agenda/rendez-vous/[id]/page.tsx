import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppointmentForm } from '@/components/agenda/AppointmentForm';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { readOnlyMessage } from '@/lib/agenda/edit-appointment';
import { findAppointment } from '@/lib/agenda/list-agenda';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { selectedProfileId } from '../../../selected-profile';
import { editAppointmentAction } from '../../actions';
import { agendaHref } from '../../links';

export const metadata: Metadata = { title: 'Modifier un rendez-vous' };

/** AGD-1: the edit form of an appointment; AGD-2: one from a catalogue service is shown read-only with its message. */
export default async function EditAppointmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId || !/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const appointment = await findAppointment(getDb(), actor, { profileId, appointmentId: id }, clock.now()).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return undefined;
    throw e;
  });
  if (!appointment) notFound();
  const back = agendaHref(profileId, actor.ownProfileId === profileId);
  const { date, time } = parisFormDefaults(appointment.startsAt);
  return (
    <>
      <PageTitle title="Modifier un rendez-vous" />
      <p className="mb-6"><Link href={back}>Retour à l’agenda</Link></p>
      {appointment.source === 'EDITOR_SOLUTION' ? (
        <Alert variant="info" title={appointment.title}>{readOnlyMessage(appointment.serviceName)}</Alert>
      ) : (
        <AppointmentForm profileId={profileId} appointmentId={appointment.id} action={editAppointmentAction}
          defaults={{ title: appointment.title, date, time, place: appointment.place ?? '', note: appointment.note ?? '' }} />
      )}
    </>
  );
}
