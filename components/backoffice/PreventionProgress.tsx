import type { PreventionCampaignStatus } from '@/db/schema';
import { count, percent, rate } from './campaign-format';
import { ProgressBar } from './ProgressBar';

/** PRV-6, BO: profiles reached over the target count fixed at launch (null before the launch). */
export function PreventionProgress({ status, targeted, delivered }: { status: PreventionCampaignStatus; targeted: number | null; delivered: number }) {
  return (
    <section aria-labelledby="avancement-titre" className="mb-10">
      <h2 id="avancement-titre" className="mb-4 text-2xl font-bold">Avancement</h2>
      {targeted === null ? <p>La campagne n’est pas encore lancée : le nombre de profils visés sera arrêté au lancement.</p> : (
        <>
          <ProgressBar label="Profils atteints" value={delivered} max={targeted}>
            {percent.format(rate(Math.min(delivered, targeted), targeted))} : {count.format(delivered)} profil{delivered > 1 ? 's' : ''} atteint{delivered > 1 ? 's' : ''}
            {' '}sur {count.format(targeted)} visé{targeted > 1 ? 's' : ''} au lancement.
          </ProgressBar>
          {status === 'DONE' && delivered < targeted && (
            <p className="max-w-3xl text-sm text-muted">
              Écart : des profils ont refusé les messages de prévention, ont reçu un autre message ou ont changé d’état pendant l’envoi.
            </p>
          )}
        </>
      )}
    </section>
  );
}
