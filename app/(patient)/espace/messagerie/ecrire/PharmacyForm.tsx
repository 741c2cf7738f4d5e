import { ErrorSummary, Field, RadioGroup, Textarea } from '@/components/ui';
import { ErrorMessage, Hint, RequiredMark } from '@/components/ui/field-parts';
import type { VisitedPharmacy } from '@/lib/messaging/visited-pharmacies';
import { startPharmacyConversationAction } from '../actions';

/** The use case's field names, as the ids of this form's controls (ErrorSummary links land on them). */
const FIELD_IDS: Record<string, string> = {
  pharmacie: 'pharmacie', finess: 'pharmacie', subject: 'pharmacie-sujet', body: 'pharmacie-message', pieces: 'pharmacie-pieces',
};

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * MSG-3(b) « Pharmacies déjà fréquentées »: write to a pharmacy with an organisational mailbox that
 * dispensed a reimbursed medicine in the past year, with at least one attachment (the prescription).
 * Works without JavaScript; the server's French error is shown on its field.
 */
export function PharmacyForm({ pharmacies, profileId, profil, error }: {
  pharmacies: readonly VisitedPharmacy[]; profileId: string; profil?: string; error?: { message: string; field: string };
}) {
  const field = error ? FIELD_IDS[error.field] ?? 'pharmacie' : undefined;
  const errorOn = (id: string) => (field === id ? error!.message : undefined);
  const piecesError = errorOn('pharmacie-pieces');
  return (
    <form action={startPharmacyConversationAction} noValidate>
      {error && field && <ErrorSummary errors={[{ field, message: error.message }]} id="pharmacie-erreurs" />}
      {profil && <input type="hidden" name="profil" value={profil} />}
      <input type="hidden" name="profileId" value={profileId} />
      <RadioGroup legend="Pharmacie" name="pharmacie" required defaultValue={pharmacies[0]?.finess} error={errorOn('pharmacie')}
        options={pharmacies.map((p) => ({ value: p.finess, label: `${p.name} (${p.city})`,
          hint: `Dernière délivrance remboursée le ${DAY.format(new Date(`${p.lastDispensation}T00:00:00Z`))}` }))} />
      <Field label="Objet" name="sujet" id="pharmacie-sujet" required maxLength={200} error={errorOn('pharmacie-sujet')} />
      <Textarea label="Message" name="message" id="pharmacie-message" rows={5} maxLength={10000} error={errorOn('pharmacie-message')} />
      <div className="mb-6">
        <label htmlFor="pharmacie-pieces" className="block font-semibold">Ordonnance et autres pièces jointes<RequiredMark /></label>
        <Hint id="pharmacie-pieces-hint">Au moins un document, par exemple votre ordonnance. PDF, TXT, RTF, JPEG, PNG ou TIFF ; 10 Mo au total.</Hint>
        {piecesError && <ErrorMessage id="pharmacie-pieces-error">{piecesError}</ErrorMessage>}
        <input id="pharmacie-pieces" name="pieces" type="file" multiple accept=".pdf,.txt,.rtf,.jpg,.jpeg,.png,.tif,.tiff" className="mt-2"
          aria-describedby={`pharmacie-pieces-hint${piecesError ? ' pharmacie-pieces-error' : ''}`} aria-invalid={Boolean(piecesError)} />
      </div>
      <button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer à la pharmacie</button>
    </form>
  );
}
