const STEPS = ['Vérification de votre identité', 'Choix de vos identifiants', 'Confirmation de votre adresse électronique'];

/** "Étape 2 sur 3" in words (not only a coloured bar), RGAA 8.6 / WCAG 1.3.1. */
export function ActivationSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <div className="mb-8">
      <p className="font-semibold text-primary-900">
        Étape {current} sur {STEPS.length} : {STEPS[current - 1]}
      </p>
      {current < STEPS.length && <p className="text-sm text-muted">Étape suivante : {STEPS[current]}</p>}
      <p className="mt-2 text-sm">Tous les champs sont obligatoires.</p>
    </div>
  );
}
