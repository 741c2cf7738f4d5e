import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { Alert, ButtonLink, PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Aide' };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10 space-y-4">
      <h2 id={id} className="text-2xl font-bold text-primary-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

// The phone number is a real link so it can be dialled from a phone.
const phone = <a href="tel:3422">3422</a>;

export default function HelpPage() {
  return (
    <div className="max-w-3xl">
      <PageTitle title="Aide" lead="Les réponses aux questions les plus fréquentes." />

      <Section id="code" title="Où trouver mon code provisoire ?">
        <p>
          Lorsque votre profil est créé, l’Assurance Maladie vous envoie un e-mail ou un courrier.
          Ce message contient votre <strong>code provisoire</strong>, à utiliser une seule fois
          pour activer votre profil. Il est valable pendant une durée limitée, indiquée dans le
          message.
        </p>
        <p>
          Pour le profil d’un enfant, le code est envoyé au parent qui l’a déclaré auprès de
          l’Assurance Maladie.
        </p>
        <ButtonLink href="/activation">Activer mon profil</ButtonLink>
      </Section>

      <Section id="code-perdu" title="J’ai perdu mon code provisoire">
        <Alert variant="info" title="La demande en ligne n’est pas encore disponible">
          <p>
            Pour obtenir un nouveau code provisoire, contactez le {phone} (service gratuit + prix
            de l’appel), du lundi au vendredi de 8 h 30 à 17 h 30.
          </p>
        </Alert>
      </Section>

      <Section id="opposition" title="Je ne souhaite pas de profil Mon espace santé">
        <p>
          Vous pouvez vous opposer à la création de votre profil, ou de celui de votre enfant, en
          appelant le {phone}, du lundi au vendredi de 8 h 30 à 17 h 30. Munissez-vous de votre
          numéro de sécurité sociale.
        </p>
        <p>
          Si votre profil a déjà été créé, vous pouvez aussi demander sa fermeture au {phone}.
        </p>
      </Section>

      <Section id="accompagnement" title="Être accompagné près de chez vous">
        <p>
          Les conseillers des espaces France Services peuvent vous aider à activer votre profil
          et à utiliser Mon espace santé. Pensez à apporter votre carte Vitale et, si vous l’avez,
          le courrier ou l’e-mail contenant votre code provisoire.
        </p>
        <p>
          Vous êtes conseiller France Services ?{' '}
          <Link href="/accompagnement">Accéder à l’espace des conseillers</Link>.
        </p>
      </Section>

      <Section id="accessibilite" title="Accessibilité">
        <p>
          Vous rencontrez une difficulté d’accès à un contenu ? Consultez la{' '}
          <Link href="/accessibilite">déclaration d’accessibilité</Link>.
        </p>
      </Section>
    </div>
  );
}
