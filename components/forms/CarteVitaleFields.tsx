import { Field } from '@/components/ui';
import type { FormState } from '@/app/_forms/form-state';

/** The labels FormFeedback names the fields with. */
export const CARTE_VITALE_LABELS = {
  nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', birthDate: 'Date de naissance',
} as const;

/**
 * ACT-1, ACT-3, ACT-14, OPP-3, FS-2: the three carte Vitale fields every identification asks, read by
 * `nirField`, `vitaleSerialField` and `frenchDateField` (app/_forms/fields.ts). `who` says whose card: the
 * person's own (« votre carte »), or the person present on an advisor's screen.
 */
export function CarteVitaleFields({ state, who = 'self' }: { state: FormState; who?: 'self' | 'person' }) {
  const v = state.values;
  const card = who === 'self' ? 'votre carte Vitale' : 'la carte Vitale de la personne';
  return (
    <>
      <Field label={CARTE_VITALE_LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint={`Les 15 caractères inscrits sur ${card}, clé comprise (par exemple 2 85 03 75 056 017 15).`} inputClassName="max-w-md" />
      <Field label={CARTE_VITALE_LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte Vitale : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo."
        error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <Field label={CARTE_VITALE_LABELS.birthDate} name="birthDate" required autoComplete={who === 'self' ? 'bday' : 'off'} defaultValue={v.birthDate}
        hint="Format : JJ/MM/AAAA, par exemple 21/03/1985." error={state.fieldErrors.birthDate} inputClassName="max-w-xs" />
    </>
  );
}
