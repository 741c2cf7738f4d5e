import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listCalendars } from '@/lib/prevention/calendar-editions';
import { PROGRAMME_LABELS } from '@/lib/prevention/edition-draft';
import { frenchDay } from './format';

export const metadata: Metadata = { title: 'Calendriers de prévention' };

/** BO-7, PRV-1: every prevention calendar, its editions in force and to come. */
export default async function CalendarsPage() {
  const actor = await requireAudience('staff');
  const calendars = await listCalendars(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Calendriers de prévention"
        lead="Les calendriers qui alimentent « Examens médicaux et vaccinations à réaliser » dans l’agenda des personnes. Une édition s’applique aux périodes qui commencent entre sa date de début et sa date de fin." />
      <Table caption="Calendriers" captionHidden rows={calendars} rowKey={(c) => c.programme}
        columns={[
          { key: 'name', header: 'Calendrier', rowHeader: true, cell: (c) => <Link href={`/admin/referentiels/calendriers/${c.programme}`}>{PROGRAMME_LABELS[c.programme]}</Link> },
          { key: 'inForce', header: 'Éditions en vigueur', cell: (c) => c.editions.filter((e) => e.state === 'IN_FORCE').map((e) => e.edition).join(', ') || 'Aucune' },
          { key: 'upcoming', header: 'À venir', cell: (c) => c.editions.filter((e) => e.state === 'UPCOMING').map((e) => `${e.edition} (à partir du ${frenchDay(e.validFrom)})`).join(', ') || 'Aucune' },
          { key: 'items', header: 'Éléments en vigueur', align: 'right', cell: (c) => c.itemsInForce },
          { key: 'count', header: 'Éditions', align: 'right', cell: (c) => c.editions.length },
        ]} />
    </>
  );
}
