import type { ProgressCounts } from '@/lib/campaigns/progress';
import { count, percent, rate } from './campaign-format';

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
        <div className="mb-6 max-w-3xl">
          <label htmlFor="avancement" className="block font-semibold">Avancement des envois</label>
          <progress id="avancement" max={counts.selected} value={processed} aria-describedby="avancement-texte"
            className="mt-2 block h-4 w-full overflow-hidden rounded border border-border-strong bg-primary-50 [&::-moz-progress-bar]:bg-primary-700 [&::-webkit-progress-bar]:bg-primary-50 [&::-webkit-progress-value]:bg-primary-700" />
          <p id="avancement-texte" className="mt-2">
            {percent.format(rate(processed, counts.selected))} traités : {count.format(processed)} sur {count.format(counts.selected)} destinataires sélectionnés.
          </p>
        </div>
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
