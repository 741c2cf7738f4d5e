import { Alert, Button, Field } from '@/components/ui';

type Channel = 'email' | 'mobile';
type Action = (form: FormData) => Promise<void>;

export type ContactDetailsProps = {
  /** « votre » for the account holder, « son » when an advisor's screen shows the person's (FS-3). */
  who: 'self' | 'person';
  email: string;
  mobile: string | null;
  /** The code step in progress, from the page's query. */
  pending?: { channel: Channel; challengeId: string; sentTo: string };
  error?: { message: string; field: string };
  changed?: Channel | 'mobile-removed';
  /** Where « Recommencer » goes (the page without its query). */
  page: string;
  actions: { start: Action; confirm: Action; removeMobile: Action };
};

const LABELS = {
  self: { email: 'Votre adresse électronique', mobile: 'Votre numéro de mobile', none: 'Aucun numéro n’est renseigné.' },
  person: { email: 'Adresse électronique de la personne', mobile: 'Numéro de mobile de la personne', none: 'Aucun numéro n’est renseigné.' },
} as const;

const DONE: Record<NonNullable<ContactDetailsProps['changed']>, string> = {
  email: 'La nouvelle adresse électronique est enregistrée.',
  mobile: 'Le nouveau numéro de mobile est enregistré.',
  'mobile-removed': 'Le numéro de mobile est retiré : plus aucun SMS n’y sera envoyé.',
};

/** French display of a stored +33… mobile. */
const frenchMobile = (m: string) => `0${m.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');

/**
 * « Mes coordonnées » (NOT-4, ACT-9) and FS-3: the email and mobile of one account, each changed in two
 * steps — the new value, then the code sent to it. Works without JavaScript (forms post to server actions).
 */
export function ContactDetailsForms({ who, email, mobile, pending, error, changed, page, actions }: ContactDetailsProps) {
  const labels = LABELS[who];
  // An error goes to its field when that field is on screen (the code field only during the code step).
  const other = pending?.channel === 'email' ? 'mobile' : 'email';
  const shown = pending ? ['otp', other, `${other}Password`] : ['email', 'mobile', 'emailPassword', 'mobilePassword', 'removeMobilePassword'];
  // ACT-13: the holder confirms with their password; on an advisor's screen the visit has checked the carte Vitale (FS-2).
  const passwordField = (id: string) => who === 'self' && (
    <Field label="Mot de passe actuel" name="motDePasse" id={id} type="password" autoComplete="current-password" inputClassName="max-w-md"
      hint="Pour confirmer que c’est bien vous." error={fieldError(id)} />
  );
  const fieldError = (field: string) => (error && error.field === field ? error.message : undefined);
  const otherError = error && !shown.includes(error.field) ? error.message : undefined;
  const codeStep = (channel: Channel) => pending?.channel === channel && (
    <form action={actions.confirm} noValidate className="mt-4 rounded-lg border border-border bg-white p-4">
      <input type="hidden" name="canal" value={channel} />
      <input type="hidden" name="defi" value={pending.challengeId} />
      <input type="hidden" name="envoye" value={pending.sentTo} />
      <p className="mb-4" role="status">
        Un code à 6 chiffres vient d’être envoyé {channel === 'email' ? 'à l’adresse' : 'par SMS au'} {pending.sentTo}. Il est valable 10 minutes.
      </p>
      <Field label="Code reçu" name="otp" inputMode="numeric" autoComplete="one-time-code" inputClassName="max-w-[10rem]"
        hint="6 chiffres." error={fieldError('otp')} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Confirmer</Button>
        <a href={page}>Recommencer</a>
      </div>
    </form>
  );
  return (
    <>
      {changed && <Alert variant="success" title={DONE[changed]} />}
      {otherError && <Alert variant="error" title="La modification n’a pas abouti">{otherError}</Alert>}
      <section aria-labelledby="coordonnees-email" className="mb-10 max-w-3xl">
        <h2 id="coordonnees-email" className="mb-2 text-2xl font-bold">Adresse électronique</h2>
        <p className="mb-4">{labels.email} : <strong>{email}</strong></p>
        {pending?.channel !== 'email' && (
          <form action={actions.start} noValidate>
            <input type="hidden" name="canal" value="email" />
            <Field label="Nouvelle adresse électronique" name="valeur" id="email" type="email" autoComplete="email" inputClassName="max-w-md"
              hint="Un code de confirmation y sera envoyé." error={fieldError('email')} />
            {passwordField('emailPassword')}
            <Button type="submit">Recevoir un code à cette adresse</Button>
          </form>
        )}
        {codeStep('email')}
      </section>
      <section aria-labelledby="coordonnees-mobile" className="mb-10 max-w-3xl">
        <h2 id="coordonnees-mobile" className="mb-2 text-2xl font-bold">Numéro de mobile</h2>
        <p className="mb-4">{mobile ? <>{labels.mobile} : <strong>{frenchMobile(mobile)}</strong></> : labels.none} Les SMS de notification y sont envoyés, jamais entre 21 h et 8 h.</p>
        {pending?.channel !== 'mobile' && (
          <form action={actions.start} noValidate>
            <input type="hidden" name="canal" value="mobile" />
            <Field label="Nouveau numéro de mobile" name="valeur" id="mobile" type="tel" autoComplete="tel" inputClassName="max-w-xs"
              hint="Un numéro de mobile français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78. Un code y sera envoyé par SMS." error={fieldError('mobile')} />
            {passwordField('mobilePassword')}
            <Button type="submit">Recevoir un code par SMS</Button>
          </form>
        )}
        {codeStep('mobile')}
        {mobile && !pending && (
          <form action={actions.removeMobile} noValidate className="mt-6">
            {passwordField('removeMobilePassword')}
            <Button type="submit" variant="secondary">Retirer le numéro de mobile</Button>
          </form>
        )}
      </section>
    </>
  );
}
