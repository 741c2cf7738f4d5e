import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Conditions générales d’utilisation et confidentialité' };

/** What a person accepts at activation (ACT-1): the terms of use and the privacy policy. */
export default function TermsPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title="Conditions générales d’utilisation et politique de confidentialité"
        lead="Ce que vous acceptez en activant votre profil, et ce que nous faisons de vos données." />
      <section aria-labelledby="service" className="space-y-3">
        <h2 id="service" className="text-2xl font-bold text-primary-900">Le service</h2>
        <p>
          Mon espace santé est un espace personnel, gratuit et sécurisé, où sont conservés vos documents et données de santé.
          Vous y retrouvez ce que déposent les professionnels qui vous soignent et ce que vous y ajoutez vous-même.
        </p>
        <p>
          Vous pouvez fermer votre profil à tout moment ; vos données sont alors archivées dix ans, sauf si vous demandez
          leur suppression.
        </p>
      </section>
      <section aria-labelledby="acces" className="space-y-3">
        <h2 id="acces" className="text-2xl font-bold text-primary-900">Qui voit vos données</h2>
        <p>
          Les professionnels de santé qui vous prennent en charge accèdent à votre dossier selon les règles que vous fixez :
          vous pouvez bloquer un professionnel, masquer un document et décider de l’accès en cas d’urgence.
        </p>
        <p>
          Les agents de l’Assurance Maladie et les conseillers France Services ne voient jamais le contenu médical de votre
          profil. Chaque accès, par qui que ce soit, est enregistré et visible dans votre « Historique d’activité ».
        </p>
      </section>
      <section aria-labelledby="securite" className="space-y-3">
        <h2 id="securite" className="text-2xl font-bold text-primary-900">Votre sécurité</h2>
        <p>
          Chaque connexion demande votre identifiant, votre mot de passe et un code à usage unique envoyé sur votre adresse
          électronique vérifiée. Ne communiquez jamais ces éléments : personne ne vous les demandera.
        </p>
      </section>
      <section aria-labelledby="droits" className="space-y-3">
        <h2 id="droits" className="text-2xl font-bold text-primary-900">Vos droits</h2>
        <p>
          Vous disposez d’un droit d’accès, de rectification et d’opposition sur vos données, que vous pouvez exercer auprès
          de votre caisse d’assurance maladie ou en appelant le 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30).
        </p>
      </section>
    </div>
  );
}
