import type { Metadata } from 'next';
import Link from 'next/link';
import { CloseWithCodeForm } from '@/components/closure/CloseWithCodeForm';
import { PageTitle } from '@/components/ui';
import { closeWithCodeAction } from './actions';

export const metadata: Metadata = { title: 'Fermer un profil déjà créé' };

/** OPP-8, CLO-2: after the opposition period, a created profile that was never activated closes with its code provisoire. */
export default function CloseWithCodePage() {
  return (
    <>
      <PageTitle title="Fermer un profil déjà créé"
        lead="Votre profil Mon espace santé a été créé mais vous ne l’avez jamais activé, et vous ne souhaitez pas le garder ? Fermez-le ici avec votre carte Vitale et votre code provisoire." />
      <section aria-labelledby="bonne-demarche" className="mb-8 max-w-3xl">
        <h2 id="bonne-demarche" className="mb-3 text-2xl font-bold">Est-ce la bonne démarche ?</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>Vous avez reçu l’avis de création il y a moins de 6 semaines : le profil n’est pas encore créé, vous pouvez encore vous y opposer, sans code provisoire. <Link href="/opposition">M’opposer à Mon espace santé</Link>.</li>
          <li>Vous avez déjà activé votre profil : <Link href="/connexion">connectez-vous</Link>, puis choisissez « Fermer mon profil ».</li>
          <li>Vous n’avez plus votre code provisoire ou il a expiré : <Link href="/activation/nouveau-code">recevoir un nouveau code provisoire</Link>.</li>
          <li>Vous pouvez aussi demander la fermeture par téléphone au 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou par courrier à votre caisse.</li>
        </ul>
      </section>
      <section aria-labelledby="effets" className="mb-8 max-w-3xl">
        <h2 id="effets" className="mb-3 text-2xl font-bold">Ce que la fermeture change</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>La fermeture est immédiate : plus personne n’a accès au profil, ni vous ni les professionnels de santé.</li>
          <li>Les données déjà déposées sont archivées pendant 10 ans, puis supprimées. Pendant ces 10 ans, vous pouvez rouvrir le profil et les retrouver en l’activant avec un nouveau code provisoire.</li>
          <li>Si vous demandez aussi la suppression des données, elle a lieu dans les 30 jours, au plus tard sous 3 mois.</li>
        </ul>
      </section>
      <h2 className="mb-4 text-2xl font-bold">Fermer le profil</h2>
      <p className="mb-6">Tous les champs sont obligatoires, sauf la demande de suppression des données.</p>
      <CloseWithCodeForm action={closeWithCodeAction} />
    </>
  );
}
