import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { contactableProfessionals } from '@/lib/messaging/contactable-professionals';
import { withProfile } from '../../selected-profile';
import { startConversationAction } from '../actions';
import { messagingProfile, orNotFound } from '../profile';

export const metadata: Metadata = { title: 'Écrire à un professionnel' };

/** MSG-3(a): « Professionnels de santé contactables ». Pharmacies (MSG-3(b)) are not offered yet. */
export default async function WritePage({ searchParams }: { searchParams: Promise<{ profil?: string; erreur?: string }> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = messagingProfile(actor, search.profil);
  const pros = await contactableProfessionals(getDb(), actor, profileId, clock.now()).catch(orNotFound);
  return (
    <>
      <p className="mb-2"><Link className="underline" href={withProfile('/espace/messagerie', search.profil)}>Retour à la messagerie</Link></p>
      <PageTitle title="Écrire à un professionnel"
        lead="Vous pouvez écrire à un professionnel de santé qui vous a déjà écrit et dont la dernière conversation avec vous est ouverte." />
      {search.erreur && <Alert variant="error" title="Le message n’a pas été envoyé">{search.erreur}</Alert>}
      {pros.length === 0 ? <p>Aucun professionnel de santé contactable pour le moment : vous pourrez répondre aux messages que vous recevrez.</p> : (
        <form action={startConversationAction} className="space-y-4">
          {search.profil && <input type="hidden" name="profil" value={search.profil} />}
          <input type="hidden" name="profileId" value={profileId} />
          <fieldset>
            <legend className="font-semibold">Professionnels de santé contactables</legend>
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
    </>
  );
}
