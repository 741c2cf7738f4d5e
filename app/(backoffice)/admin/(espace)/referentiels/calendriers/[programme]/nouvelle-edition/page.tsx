import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { CalendarEditionForm } from '@/components/backoffice/CalendarEditionForm';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { readCalendar } from '@/lib/prevention/calendar-editions';
import { isProgramme, PROGRAMME_LABELS, STATUS_LABELS } from '@/lib/prevention/edition-draft';
import { formDay } from '../../format';
import { publishEditionAction } from './actions';

export const metadata: Metadata = { title: 'Nouvelle édition d’un calendrier' };

/** BO-7, PRV-1: a supervisor prepares a new edition from the items in force today, then publishes it. */
export default async function NewEditionPage({ params }: { params: Promise<{ programme: string }> }) {
  const actor = await requireAudience('staff');
  const { programme } = await params;
  if (!isProgramme(programme)) notFound();
  const now = clock.now();
  const { items } = await readCalendar(getDb(), actor, programme, now);
  const name = PROGRAMME_LABELS[programme];
  return (
    <>
      <PageTitle title={`Nouvelle édition : ${name}`}
        lead="Partez des éléments en vigueur aujourd’hui : modifiez-les, retirez-en ou ajoutez-en un. Rien n’est enregistré avant la publication ; l’édition publiée ne se modifie plus." />
      <p className="mb-6"><Link href={`/admin/referentiels/calendriers/${programme}`}>Retour au calendrier {name}</Link></p>
      {actor.role === 'SUPERVISOR' ? (
        <CalendarEditionForm action={publishEditionAction} programme={programme} today={parisFormDefaults(now).date}
          statuses={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          items={items.map((r) => ({
            fromId: r.id, label: r.label, min: String(r.minMonths), minDays: String(r.minDays), max: String(r.maxMonths), maxDays: String(r.maxDays),
            every: r.everyMonths === null ? '' : String(r.everyMonths), sex: r.sex === null ? '' : String(r.sex), bornFrom: formDay(r.bornFrom),
            bornBefore: formDay(r.bornBefore), status: r.status, note: r.note ?? '',
          }))} />
      ) : <p>Seul un superviseur peut publier une nouvelle édition.</p>}
    </>
  );
}
