import type { ProgressCounts } from '@/lib/campaigns/progress';
import { count, percent, rate } from './campaign-format';
import { ProgressBar } from './ProgressBar';

const FIGURES: [keyof ProgressCounts, string][] = [
  ['queued', 'En file d’attente'], ['sent', 'Envoyés'], ['uncertain', 'Envoi incertain (présumé envoyé)'], ['failed', 'En échec'],
  ['bounced', 'Rejetés (adresse invalide)'], ['letters', 'Courriers'], ['lettersPosted', 'Courriers déposés'], ['skipped', 'Écartés'],
  ['cancelled', 'Annulés'], ['opposed', 'Oppositions'], ['created', 'Profils créés'], ['activated', 'Profils activés'],
];

/** BO-1: how far the dispatch went (a real <progress>, with its percentage in words) and the count per state. */
export function CampaignProgress({ counts }: { counts: ProgressCounts }) {
  const processed = Math.max(0, counts.selected - counts.queued - counts.sending);
  return (
    <section aria-labelledby="avancement-titre" className="mb-10">
      <h2 id="avancement-titre" className="mb-4 text-2xl font-bold">Avancement</h2>
      {counts.selected === 0 ? (
        <p className="mb-6">Aucun destinataire sélectionné pour le moment : la sélection se fait au lancement de la campagne.</p>
      ) : (
        <ProgressBar label="Avancement des envois" value={processed} max={counts.selected}>
          {percent.format(rate(processed, counts.selected))} traités : {count.format(processed)} sur {count.format(counts.selected)} destinataires sélectionnés.
        </ProgressBar>
      )}
      <dl className="grid max-w-4xl grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {FIGURES.map(([key, label]) => (
          <div key={key} className="rounded-lg border border-border bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{count.format(counts[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
