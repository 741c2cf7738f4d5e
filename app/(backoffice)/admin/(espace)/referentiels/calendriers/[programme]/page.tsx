import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Badge, ButtonLink, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { readCalendar, type EditionState } from '@/lib/prevention/calendar-editions';
import { isProgramme, PROGRAMME_LABELS, STATUS_LABELS } from '@/lib/prevention/edition-draft';
import { ageRange, frenchDay, population } from '../format';

export const metadata: Metadata = { title: 'Calendrier de prévention' };

const STATE: Record<EditionState, ReactNode> = {
  IN_FORCE: <Badge variant="success">En vigueur</Badge>, UPCOMING: <Badge variant="info">À venir</Badge>, ENDED: <Badge>Remplacée</Badge>,
};

/** BO-7, PRV-1: one calendar — its editions (dates, who published them) and the items of one edition. */
export default async function CalendarPage({ params, searchParams }: { params: Promise<{ programme: string }>; searchParams: Promise<{ edition?: string; publiee?: string }> }) {
  const actor = await requireAudience('staff');
  const { programme } = await params;
  if (!isProgramme(programme)) notFound();
  const { edition, publiee } = await searchParams;
  const calendar = await readCalendar(getDb(), actor, programme, clock.now(), edition);
  const name = PROGRAMME_LABELS[programme];
  const base = `/admin/referentiels/calendriers/${programme}`;
  return (
    <>
      <PageTitle title={name} lead="Chaque élément s’applique aux personnes du public visé quand elles atteignent l’âge de début ; l’édition d’un élément est celle en vigueur le jour où sa période commence (PRV-1)." />
      {publiee && <Alert variant="success" title={`Édition « ${publiee} » publiée`}>Elle s’applique aux périodes qui commencent à partir de sa date d’effet.</Alert>}
      <p className="mb-6"><Link href="/admin/referentiels/calendriers">Tous les calendriers</Link></p>

      <section aria-labelledby="editions" className="mb-10">
        <h2 id="editions" className="mb-2 text-2xl font-bold">Éditions</h2>
        <Table caption={`Éditions du calendrier ${name}`} captionHidden rows={calendar.editions} rowKey={(e) => e.edition}
          columns={[
            { key: 'edition', header: 'Édition', rowHeader: true, cell: (e) => <Link href={`${base}?edition=${encodeURIComponent(e.edition)}`}>Édition {e.edition}</Link> },
            { key: 'from', header: 'À partir du', cell: (e) => frenchDay(e.validFrom) },
            { key: 'to', header: 'Jusqu’au (exclu)', cell: (e) => (e.validTo ? frenchDay(e.validTo) : '—') },
            { key: 'items', header: 'Éléments', align: 'right', cell: (e) => e.items },
            { key: 'state', header: 'État', cell: (e) => STATE[e.state] },
            { key: 'pub', header: 'Publication', cell: (e) => (e.publication ? `${e.publication.by} : ${e.publication.note}` : 'Édition initiale') },
          ]} />
        {actor.role === 'SUPERVISOR'
          ? <ButtonLink href={`${base}/nouvelle-edition`}>Préparer une nouvelle édition</ButtonLink>
          : <p>Seul un superviseur peut publier une nouvelle édition.</p>}
      </section>

      <section aria-labelledby="elements">
        <h2 id="elements" className="mb-2 text-2xl font-bold">{calendar.edition ? `Éléments de l’édition ${calendar.edition}` : `Éléments en vigueur le ${frenchDay(calendar.today)}`}</h2>
        <Table caption={calendar.edition ? `Éléments de l’édition ${calendar.edition}` : 'Éléments en vigueur'} captionHidden rows={calendar.items} rowKey={(r) => r.id} empty="Aucun élément."
          columns={[
            { key: 'label', header: 'Élément', rowHeader: true, cell: (r) => r.label },
            { key: 'age', header: 'Âge', cell: ageRange },
            { key: 'who', header: 'Public', cell: population },
            { key: 'status', header: 'Statut', cell: (r) => STATUS_LABELS[r.status] },
            { key: 'edition', header: 'Édition', cell: (r) => r.edition },
            { key: 'note', header: 'Note', cell: (r) => r.note ?? '' },
          ]} />
      </section>
    </>
  );
}
