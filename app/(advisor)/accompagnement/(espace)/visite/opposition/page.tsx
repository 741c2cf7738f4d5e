import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { getDb } from '@/db/client';
import { visitProfiles } from '@/lib/france-services/visits/assisted-actions';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { opposeAction } from '../actions';

export const metadata: Metadata = { title: 'Enregistrer une opposition' };

const day = (iso: string) => iso.split('-').reverse().join('/');

/** FS-3, OPP-4, OPP-5: opposition in the window, one box per person, with the person present. */
export default async function VisitOppositionPage({ searchParams }: { searchParams: Promise<{ erreur?: string; champ?: string }> }) {
  const advisor = await advisorInVisitOrRedirect();
  const search = await searchParams;
  const pending = (await visitProfiles(getDb(), advisor)).filter((p) => p.state === 'PENDING');
  const error = search.erreur;
  return (
    <>
      <PageTitle title="Enregistrer une opposition"
        lead="La personne ne souhaite pas de profil Mon espace santé, pour elle ou pour un enfant qu’elle représente. L’opposition n’est possible que pendant les 6 semaines qui suivent l’avis de création." />
      <p className="mb-6"><Link href="/accompagnement/visite">← Accompagnement en cours</Link></p>
      {error && <Alert variant="error" title="L’opposition n’a pas été enregistrée">{search.champ === 'profils' ? <a href="#profils">{error}</a> : error}</Alert>}
      {pending.length === 0 ? <p>Aucun profil de cet accompagnement n’est dans la période d’opposition.</p> : (
        <form action={opposeAction} className="max-w-3xl">
          <fieldset className="mb-6" aria-describedby={error && search.champ === 'profils' ? 'profils-error' : undefined}>
            <legend id="profils" tabIndex={-1} className="mb-2 text-xl font-bold">Pour qui la personne s’oppose-t-elle ?</legend>
            {error && search.champ === 'profils' && <p id="profils-error" className="mb-2 font-bold text-error-700">{error}</p>}
            {pending.map((p) => (
              <div key={p.id} className="mt-2 flex items-start gap-3">
                <input type="checkbox" id={`profil-${p.id}`} name="profils" value={p.id} className="mt-1 size-6 shrink-0 accent-primary-700" />
                <label htmlFor={`profil-${p.id}`}>
                  {p.firstNames.split(' ')[0]} {p.birthName}, né(e) le {day(p.birthDate)}
                  {p.oppositionDeadline && ` — opposition possible jusqu’au ${day(p.oppositionDeadline)}`}
                </label>
              </div>
            ))}
          </fieldset>
          <p className="mb-4">Aucun profil ne sera créé pour les personnes cochées. Un récépissé à imprimer est remis pour chacune.</p>
          <SubmitButton>Enregistrer l’opposition</SubmitButton>
        </form>
      )}
    </>
  );
}
