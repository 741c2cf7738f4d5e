import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Déclaration d’accessibilité' };

// Structure follows the RGAA 4.1 model statement. Kept honest: no audit has been made yet.
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

const h3 = 'text-xl font-bold text-primary-900';

export default function AccessibilityStatementPage() {
  return (
    <div className="max-w-3xl">
      <PageTitle
        title="Déclaration d’accessibilité"
        lead="Établie le 28 novembre 2026 pour ce site, réimplémentation ouverte de Mon espace santé."
      />
      <p className="mb-10">
        Les contributeurs de ce projet s’engagent à rendre le site accessible conformément à
        l’article 47 de la loi n° 2005-102 du 11 février 2005, en suivant le référentiel général
        d’amélioration de l’accessibilité (RGAA) version 4.1.
      </p>

      <Section id="etat" title="État de conformité">
        <p>
          Ce site est <strong>partiellement conforme</strong> avec le RGAA version 4.1.
        </p>
        <h3 className={h3}>Résultats des tests</h3>
        <p>
          Aucun audit de conformité n’a encore été réalisé : le taux de critères respectés
          n’est donc pas mesuré. Cet état repose sur nos propres vérifications (voir plus bas).
          Au sens strict du RGAA, seul un audit permet de l’établir ; un audit est prévu.
        </p>
      </Section>

      <Section id="non-accessibles" title="Contenus non accessibles">
        <h3 className={h3}>Non-conformités</h3>
        <p>Faute d’audit, la liste est incomplète. Points connus à ce jour :</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>certaines pages n’ont pas encore été vérifiées avec un lecteur d’écran ;</li>
          <li>les courriers au format PDF ne sont pas encore balisés pour l’accessibilité.</li>
        </ul>
        <h3 className={h3}>Dérogations pour charge disproportionnée</h3>
        <p>Aucune.</p>
        <h3 className={h3}>Contenus non soumis à l’obligation d’accessibilité</h3>
        <p>
          Les documents de santé déposés par des tiers (professionnels, établissements de santé
          ou vous-même) : leur accessibilité dépend de leur auteur.
        </p>
      </Section>

      <Section id="etablissement" title="Établissement de cette déclaration">
        <p>Cette déclaration a été établie le 28 novembre 2026.</p>
        <h3 className={h3}>Technologies utilisées</h3>
        <p>HTML, CSS et JavaScript.</p>
        <h3 className={h3}>Environnement et méthode de test</h3>
        <ul className="list-disc space-y-2 pl-6">
          <li>tests automatisés avec axe-core sur le navigateur Chromium ;</li>
          <li>navigation au clavier seul ;</li>
          <li>affichage avec un zoom à 200 %.</li>
        </ul>
        <h3 className={h3}>Pages vérifiées</h3>
        <p>Accueil, activation du profil, connexion, aide et cette déclaration.</p>
      </Section>

      <Section id="contact" title="Retour d’information et contact">
        <p>
          Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le aux
          contributeurs du projet (par un ticket sur son dépôt de code) : nous vous orienterons
          vers une alternative accessible ou vous fournirons le contenu sous une autre forme.
        </p>
        <p>
          Pour le service officiel Mon espace santé, contactez l’Assurance Maladie au 3422.
        </p>
      </Section>

      <Section id="recours" title="Voies de recours">
        <p>
          Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à
          une fonctionnalité, que vous nous l’avez signalé et que vous n’avez pas obtenu de
          réponse satisfaisante, vous pouvez saisir le Défenseur des droits :
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            par le{' '}
            <a href="https://formulaire.defenseurdesdroits.fr/">
              formulaire en ligne du Défenseur des droits
            </a>{' '}
            ;
          </li>
          <li>
            en contactant{' '}
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues">
              le délégué du Défenseur des droits dans votre région
            </a>{' '}
            ;
          </li>
          <li>
            par courrier, gratuitement et sans timbre : Défenseur des droits, Libre réponse
            71120, 75342 Paris CEDEX 07.
          </li>
        </ul>
      </Section>
    </div>
  );
}
