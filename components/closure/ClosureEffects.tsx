/** CLO-3, CLO-4, CLO-6: what closing does, said before the person confirms. */
export function ClosureEffects({ own, firstName }: { own: boolean; firstName: string }) {
  const data = own ? 'vos données' : `les données de ${firstName}`;
  return (
    <section aria-labelledby="effets" className="mb-8 max-w-3xl">
      <h2 id="effets" className="mb-3 text-2xl font-bold">Ce que la fermeture change</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li><strong>Immédiatement</strong>, plus personne n’a accès au profil : ni {own ? 'vous' : 'vous ni l’autre représentant légal'}, ni les professionnels de santé.
          Les services connectés, les invitations, les rappels et les messages de prévention s’arrêtent.</li>
        <li>{own ? 'Vos documents, votre profil médical, vos messages et votre agenda sont' : `Les documents, le profil médical, les messages et l’agenda de ${firstName} sont`} <strong>archivés pendant 10 ans</strong>, puis supprimés.</li>
        <li>Pendant ces 10 ans, vous pouvez <strong>rouvrir le profil</strong> et retrouver {data} : il suffit de l’activer à nouveau avec un nouveau code provisoire.</li>
        {own && <li>Vous êtes déconnecté(e) aussitôt ; une confirmation datée vous est envoyée par courriel.</li>}
      </ul>
    </section>
  );
}
