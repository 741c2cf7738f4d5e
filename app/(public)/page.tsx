import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, Card, PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Accueil' };

export default function HomePage() {
  return (
    <>
      <PageTitle
        title="Mon espace santé"
        lead="Un espace personnel, gratuit et sécurisé pour stocker et partager vos documents et données de santé avec les professionnels qui vous soignent."
      >
        <ButtonLink href="/activation">Activer mon profil</ButtonLink>
        <ButtonLink href="/connexion" variant="secondary">
          Me connecter
        </ButtonLink>
      </PageTitle>

      <section aria-labelledby="quoi" className="mb-12 max-w-3xl space-y-4">
        <h2 id="quoi" className="text-2xl font-bold text-primary-900">
          Qu’est-ce que Mon espace santé ?
        </h2>
        <p>Mon espace santé réunit au même endroit :</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            vos documents de santé : ordonnances, résultats d’analyses, comptes rendus
            d’hospitalisation, radios… ;
          </li>
          <li>
            votre profil médical : antécédents, traitements en cours, allergies, vaccinations ;
          </li>
          <li>une messagerie sécurisée pour échanger avec vos professionnels de santé ;</li>
          <li>un agenda santé pour vos rendez-vous et vos rappels de vaccins et dépistages.</li>
        </ul>
        <p>
          Vous choisissez les professionnels de santé qui peuvent accéder à vos données et vous
          savez qui les a consultées.
        </p>
      </section>

      <section aria-labelledby="creation" className="mb-12 max-w-3xl space-y-4">
        <h2 id="creation" className="text-2xl font-bold text-primary-900">
          Un profil créé pour vous, sauf si vous vous y opposez
        </h2>
        <p>
          Un profil Mon espace santé est créé automatiquement pour chaque personne affiliée à un
          régime d’Assurance Maladie français, et pour chaque enfant dès sa naissance, sauf
          opposition.
        </p>
        <p>
          Vous êtes prévenu par e-mail ou par courrier. Ce message contient un{' '}
          <strong>code provisoire</strong> qui vous permet d’activer votre profil.
        </p>
        <p>
          Code perdu, opposition, accompagnement : <Link href="/aide">consultez l’aide</Link>.
        </p>
      </section>

      <section aria-labelledby="acces" className="mb-12">
        <h2 id="acces" className="mb-6 text-2xl font-bold text-primary-900">
          Accéder à mon espace
        </h2>
        <ul className="grid gap-6 md:grid-cols-2">
          <li>
            <Card title="Activer mon profil" href="/activation" headingLevel={3} className="h-full">
              <p>Avec le code provisoire reçu par e-mail ou par courrier.</p>
            </Card>
          </li>
          <li>
            <Card title="Me connecter" href="/connexion" headingLevel={3} className="h-full">
              <p>Mon profil est déjà activé.</p>
            </Card>
          </li>
        </ul>
      </section>

      <section aria-labelledby="autres">
        <h2 id="autres" className="mb-6 text-2xl font-bold text-primary-900">
          Autres espaces
        </h2>
        <ul className="grid gap-6 md:grid-cols-3">
          <li>
            <Card title="Espace professionnels de santé" href="/pro" headingLevel={3} className="h-full">
              <p>Consulter et alimenter le dossier de vos patients.</p>
            </Card>
          </li>
          <li>
            <Card title="Back-office Assurance Maladie" href="/admin" headingLevel={3} className="h-full">
              <p>Campagnes, demandes des assurés et suivi du service.</p>
            </Card>
          </li>
          <li>
            <Card title="Conseillers France Services" href="/accompagnement" headingLevel={3} className="h-full">
              <p>Accompagner une personne dans l’usage de Mon espace santé.</p>
            </Card>
          </li>
        </ul>
      </section>
    </>
  );
}
