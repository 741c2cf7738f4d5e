import { Alert, Button, Field } from '@/components/ui';

type Action = (form: FormData) => Promise<void>;
type Changed = 'mot-de-passe' | 'identifiant';

/** The query of « Mes coordonnées » that concerns these forms (the contact forms use their own keys). */
export type CredentialsSearch = { modifie?: string; 'erreur-connexion'?: string; 'champ-connexion'?: string };

export type CredentialsFormsProps = {
  identifiant: string;
  error?: { message: string; field: string };
  changed?: Changed;
  actions: { changePassword: Action; changeIdentifiant: Action };
};

/** What the forms show, read from the page's query. */
export function credentialsPageState(search: CredentialsSearch): Pick<CredentialsFormsProps, 'error' | 'changed'> {
  const message = search['erreur-connexion'];
  return {
    error: message ? { message, field: search['champ-connexion'] ?? '' } : undefined,
    changed: search.modifie === 'mot-de-passe' || search.modifie === 'identifiant' ? search.modifie : undefined,
  };
}

const DONE: Record<Changed, string> = {
  'mot-de-passe': 'Votre nouveau mot de passe est enregistré. Vos autres connexions en cours, sur d’autres appareils ou navigateurs, ont été fermées.',
  identifiant: 'Votre nouvel identifiant est enregistré : utilisez-le à votre prochaine connexion.',
};

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'];
const IDENTIFIANT_FIELDS = ['newIdentifiant', 'identifiantPassword'];

/**
 * « Mes coordonnées » (ACT-7, ACT-8, NOT-4): the account's own identifiant and password, each changed after
 * typing the current password. Only ever on the account holder's own page: an advisor never sees a password
 * (FS-4), an aidant never changes the aidé's (AID-4). Works without JavaScript.
 */
export function CredentialsForms({ identifiant, error, changed, actions }: CredentialsFormsProps) {
  const fieldError = (field: string) => (error && error.field === field ? error.message : undefined);
  // An error that belongs to no field of either form is shown above the password form.
  const strayError = error && ![...PASSWORD_FIELDS, ...IDENTIFIANT_FIELDS].includes(error.field) ? error.message : undefined;
  return (
    <>
      <section id="identifiant" aria-labelledby="connexion-identifiant" className="mb-10 max-w-3xl">
        <h2 id="connexion-identifiant" className="mb-2 text-2xl font-bold">Identifiant de connexion</h2>
        {changed === 'identifiant' && <Alert variant="success" title={DONE.identifiant} />}
        <p className="mb-4">Votre identifiant : <strong>{identifiant}</strong></p>
        <form action={actions.changeIdentifiant} noValidate>
          <Field label="Nouvel identifiant" name="newIdentifiant" autoComplete="username" inputClassName="max-w-md"
            autoCapitalize="none" spellCheck={false}
            hint="Au moins 8 caractères : lettres sans accent, chiffres, point, tiret ou tiret bas. Ni adresse électronique, ni numéro de sécurité sociale."
            error={fieldError('newIdentifiant')} />
          <Field label="Mot de passe actuel" name="identifiantPassword" type="password" autoComplete="current-password" inputClassName="max-w-md"
            hint="Pour confirmer que c’est bien vous." error={fieldError('identifiantPassword')} />
          <Button type="submit">Changer d’identifiant</Button>
        </form>
      </section>
      <section id="mot-de-passe" aria-labelledby="connexion-mot-de-passe" className="mb-10 max-w-3xl">
        <h2 id="connexion-mot-de-passe" className="mb-2 text-2xl font-bold">Mot de passe</h2>
        {changed === 'mot-de-passe' && <Alert variant="success" title={DONE['mot-de-passe']} />}
        {strayError && <Alert variant="error" title="La modification n’a pas abouti">{strayError}</Alert>}
        <p className="mb-4">
          Une fois le mot de passe changé, cette connexion reste ouverte ; vos autres connexions en cours sont fermées. Un message vous confirme le changement.
        </p>
        <form action={actions.changePassword} noValidate>
          <Field label="Mot de passe actuel" name="currentPassword" type="password" autoComplete="current-password" inputClassName="max-w-md"
            error={fieldError('currentPassword')} />
          <Field label="Nouveau mot de passe" name="newPassword" type="password" autoComplete="new-password" inputClassName="max-w-md"
            hint="De 9 à 128 caractères, avec une minuscule, une majuscule, un chiffre et un caractère spécial. Sans votre identifiant, vos nom et prénoms ni votre date de naissance ; différent du mot de passe actuel."
            error={fieldError('newPassword')} />
          <Field label="Confirmation du nouveau mot de passe" name="newPasswordConfirmation" type="password" autoComplete="new-password"
            inputClassName="max-w-md" error={fieldError('newPasswordConfirmation')} />
          <Button type="submit">Changer le mot de passe</Button>
        </form>
      </section>
    </>
  );
}
