import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { summaryDay, summaryTime, visitSummary } from '@/lib/france-services/visits/summary';
import { PrintButton } from './PrintButton';

export const metadata: Metadata = { title: 'Récapitulatif de votre accompagnement' };

/** FS-3: the summary the person takes home, print-friendly (and as a PDF). */
export default async function VisitSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const advisor = await requireAudience('advisor');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const s = await visitSummary(getDb(), advisor, id, clock.now()).catch((e) => { if (e instanceof DomainError) notFound(); throw e; });
  return (
    <article className="max-w-3xl">
      <div className="mb-6 flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton />
        <a href={`/accompagnement/recapitulatif/${s.id}/pdf`}>Télécharger le récapitulatif (PDF)</a>
        <Link href="/accompagnement">Retour à l’accueil</Link>
      </div>
      <p className="mb-2 font-bold">Mon espace santé</p>
      <h1 className="mb-6 text-3xl font-bold">Récapitulatif de votre accompagnement</h1>
      <dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="font-bold">Date</dt><dd>{summaryDay(s.startedAt)}, à partir de {summaryTime(s.startedAt)}</dd>
        <dt className="font-bold">Lieu</dt><dd>{s.siteName} ({s.siteCommune})</dd>
        <dt className="font-bold">Votre conseiller ou conseillère</dt><dd>{s.advisorFirstName}</dd>
      </dl>
      <h2 className="mb-2 text-2xl font-bold">Ce qui a été fait</h2>
      {s.actions.length === 0 ? <p className="mb-8">Aucune démarche.</p> : (
        <ul className="mb-8 list-disc space-y-2 pl-6">
          {s.actions.map((a, i) => <li key={i}>{summaryTime(a.at)} — {a.label} pour {a.who}. {a.detail}</li>)}
        </ul>
      )}
      <h2 className="mb-2 text-2xl font-bold">Et maintenant ?</h2>
      <ul className="mb-8 list-disc space-y-2 pl-6">
        {s.nextSteps.map((step) => <li key={step}>{step}</li>)}
      </ul>
      <p>
        Votre conseiller n’a pas eu accès à vos données de santé. Chaque démarche apparaît dans votre Historique d’activité,
        avec la mention « avec l’aide d’un conseiller France Services ».
      </p>
    </article>
  );
}
