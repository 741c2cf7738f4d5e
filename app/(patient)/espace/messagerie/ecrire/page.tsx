import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { contactableProfessionals } from '@/lib/messaging/contactable-professionals';
import { visitedPharmacies } from '@/lib/messaging/visited-pharmacies';
import { withProfile } from '../../selected-profile';
import { startConversationAction } from '../actions';
import { messagingProfile, orNotFound } from '../profile';
import { PharmacyForm } from './PharmacyForm';

export const metadata: Metadata = { title: 'Nouveau message' };

type Search = { profil?: string; erreur?: string; champ?: string; formulaire?: string };

/** MSG-3: « Nouveau message » — (a) « Professionnels de santé contactables », (b) « Pharmacies déjà fréquentées ». */
export default async function WritePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = messagingProfile(actor, search.profil);
  const db = getDb();
  const now = clock.now();
  const [pros, pharmacies] = await Promise.all([contactableProfessionals(db, actor, profileId, now), visitedPharmacies(db, actor, profileId, now)])
    .catch(orNotFound);
  const pharmacyError = search.formulaire === 'pharmacie' && search.erreur ? { message: search.erreur, field: search.champ ?? '' } : undefined;
  return (
    <>
      <p className="mb-2"><Link className="underline" href={withProfile('/espace/messagerie', search.profil)}>Retour à la messagerie</Link></p>
      <PageTitle title="Nouveau message"
        lead="Vous pouvez écrire à un professionnel de santé qui vous a déjà écrit et dont la dernière conversation avec vous est ouverte, ou à une pharmacie qui vous a délivré un médicament remboursé au cours de l’année écoulée." />
      {search.erreur && !pharmacyError && <Alert variant="error" title="Le message n’a pas été envoyé">{search.erreur}</Alert>}
      <section aria-labelledby="professionnels" className="mb-10">
        <h2 id="professionnels" className="mb-4 text-2xl font-bold">Professionnels de santé contactables</h2>
        {pros.length === 0 ? <p>Aucun professionnel de santé contactable pour le moment : vous pourrez répondre aux messages que vous recevrez.</p> : (
          <form action={startConversationAction} className="space-y-4">
            {search.profil && <input type="hidden" name="profil" value={search.profil} />}
            <input type="hidden" name="profileId" value={profileId} />
            <fieldset>
              <legend className="font-semibold">Professionnel de santé</legend>
              {pros.map((p, i) => (
                <label key={p.professionalId} className="block"><input type="radio" name="professionnel" value={p.professionalId} defaultChecked={i === 0} /> {p.label}</label>
              ))}
            </fieldset>
            <label htmlFor="sujet" className="block font-semibold">Objet</label>
            <input id="sujet" name="sujet" required maxLength={200} className="w-full rounded border border-border p-2" />
            <label htmlFor="message" className="block font-semibold">Message</label>
            <textarea id="message" name="message" rows={6} maxLength={10000} className="w-full rounded border border-border p-2" />
            <label htmlFor="pieces" className="block font-semibold">Pièces jointes (10 Mo au total)</label>
            <input id="pieces" name="pieces" type="file" multiple accept=".pdf,.txt,.rtf,.jpg,.jpeg,.png,.tif,.tiff" />
            <div><button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer</button></div>
          </form>
        )}
      </section>
      <section aria-labelledby="pharmacies">
        <h2 id="pharmacies" className="mb-4 text-2xl font-bold">Pharmacies déjà fréquentées</h2>
        {pharmacies.length === 0
          ? <p>Aucune pharmacie disponible : seules les pharmacies dotées d’une messagerie qui vous ont délivré un médicament remboursé au cours de l’année écoulée peuvent recevoir votre message.</p>
          : <PharmacyForm pharmacies={pharmacies} profileId={profileId} profil={search.profil} error={pharmacyError} />}
      </section>
    </>
  );
}
