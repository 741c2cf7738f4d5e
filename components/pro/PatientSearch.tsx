'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { Alert, Checkbox, Field, RadioGroup } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Action = (s: FormState, f: FormData) => Promise<FormState>;

const LABELS = {
  matricule: 'Matricule INS', birthName: 'Nom de naissance', firstNames: 'Prénoms de naissance', birthDate: 'Date de naissance',
  sex: 'Sexe', birthPlace: 'Lieu de naissance (code INSEE)', accord: 'Autorisation du patient', informe: 'Patient informé', motif: 'Équipe de soins',
};
const INS_FIELDS = ['matricule', 'birthName', 'firstNames', 'birthDate', 'sex', 'birthPlace'] as const;
const STATE_LABELS: Record<string, string> = {
  CREATED: 'créé, pas encore activé par son titulaire', ACTIVE: 'actif', SUSPENDED: 'suspendu', CLOSED: 'fermé', DELETION_REQUESTED: 'fermé, suppression demandée',
  PURGED: 'supprimé', OPPOSED: 'le titulaire s’est opposé à sa création', PENDING: 'en cours de création',
};

/** ID-6..8, PRO-3: the INS (matricule + five traits) only, never a name search; then PRO-4/PRO-5 if needed. */
export function PatientSearch({ check, consent, careTeam, grounds }: { check: Action; consent: Action; careTeam: Action; grounds: Record<string, string> }) {
  const [state, action] = useActionState(check, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const r = state.status === 'success' ? state.data : undefined;
  return (
    <>
      <form action={action} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
        <FormFeedback state={state} labels={LABELS} />
        <p className="mb-4">Saisissez l’identité INS du patient telle que la donne sa carte Vitale lue ou le téléservice INSi. La recherche par nom n’existe pas.</p>
        <Field label={LABELS.matricule} name="matricule" required defaultValue={v.matricule} error={e.matricule} autoComplete="off" inputClassName="max-w-72"
          hint="15 caractères, clé comprise (NIR ou NIA). Exemple : 2 85 03 75 056 017 xx" />
        <Field label={LABELS.birthName} name="birthName" required defaultValue={v.birthName} error={e.birthName} autoComplete="off" />
        <Field label={LABELS.firstNames} name="firstNames" required defaultValue={v.firstNames} error={e.firstNames} autoComplete="off"
          hint="Tous les prénoms de naissance, séparés par un espace." />
        <Field label={LABELS.birthDate} name="birthDate" required defaultValue={v.birthDate} error={e.birthDate} autoComplete="off" inputClassName="max-w-48" hint="Format : JJ/MM/AAAA." />
        <RadioGroup legend={LABELS.sex} name="sex" required defaultValue={v.sex} error={e.sex}
          options={[{ value: '2', label: 'Féminin' }, { value: '1', label: 'Masculin' }]} />
        <Field label={LABELS.birthPlace} name="birthPlace" required defaultValue={v.birthPlace} error={e.birthPlace} autoComplete="off" inputClassName="max-w-32"
          hint="Code officiel géographique de la commune (5 caractères), 99xxx pour un pays." />
        <SubmitButton>Vérifier l’accès</SubmitButton>
      </form>
      {r && <AccessResult result={r} ins={v} consent={consent} careTeam={careTeam} grounds={grounds} />}
    </>
  );
}

function InsHidden({ ins }: { ins: Record<string, string> }) {
  return <>{INS_FIELDS.map((k) => <input key={k} type="hidden" name={k} value={ins[k] ?? ''} />)}</>;
}

function AccessResult({ result: r, ins, consent, careTeam, grounds }: { result: Record<string, string>; ins: Record<string, string>; consent: Action; careTeam: Action; grounds: Record<string, string> }) {
  const [cState, cAction] = useActionState(consent, initialFormState);
  const [tState, tAction] = useActionState(careTeam, initialFormState);
  const available = r.available === 'true';
  return (
    <section aria-labelledby="resultat" className="mt-8 max-w-2xl">
      <h2 id="resultat" className="mb-4 text-2xl font-bold">Résultat de la vérification</h2>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Profil Mon espace santé</dt><dd>{STATE_LABELS[r.state!] ?? r.state}{r.closedAt ? ` (le ${r.closedAt})` : ''}</dd>
        <dt className="font-semibold">Votre autorisation</dt>
        <dd>{r.authorisation === 'AUTHORISED' ? `Autorisé depuis le ${r.since}${r.basis === 'CARE_TEAM' ? ' (équipe de soins)' : ''}`
          : r.authorisation === 'BLOCKED' ? 'Bloqué par le patient' : 'Aucune'}</dd>
        <dt className="font-semibold">Médecin traitant déclaré</dt><dd>{r.medecinTraitant === 'true' ? 'Oui, vous' : 'Non'}</dd>
        {r.emergencyUntil && <><dt className="font-semibold">Accès en urgence</dt><dd>en cours jusqu’au {r.emergencyUntil}</dd></>}
      </dl>
      {!available && <Alert variant="info" title="Profil non disponible">Ce profil ne peut être ni consulté ni alimenté dans son état actuel.</Alert>}
      {available && r.authorisation === 'BLOCKED' && (
        <Alert variant="error" title="Accès refusé">Le patient a bloqué votre accès à son profil. Aucun accès n’est possible, même en urgence.</Alert>
      )}
      {available && r.authorisation !== 'BLOCKED' && (
        <>
          {r.authorisation === 'AUTHORISED' && (
            <p className="mb-4"><Link className="font-semibold underline" href={`/pro/patients/${r.profileId}`}>Ouvrir le profil du patient</Link></p>
          )}
          <form action={cAction} key={`c${cState.version}`} noValidate className="mb-6 rounded-lg border border-border bg-white p-6">
            <h3 className="mb-3 text-xl font-bold">{r.authorisation === 'AUTHORISED' ? 'Nouvelle consultation' : 'Autorisation du patient'}</h3>
            <FormFeedback state={cState} labels={LABELS} />
            <InsHidden ins={ins} />
            <Checkbox name="accord" label="Le patient m’a autorisé à accéder à son profil" required error={cState.fieldErrors.accord}
              hint="À cocher seulement si le patient vous a donné son accord lors de cette consultation. Il verra « Autorisé depuis le … » et pourra le retirer." />
            <SubmitButton>{r.authorisation === 'AUTHORISED' ? 'Confirmer l’autorisation' : 'Enregistrer l’autorisation'}</SubmitButton>
          </form>
          <form action={tAction} key={`t${tState.version}`} noValidate className="mb-6 rounded-lg border border-border bg-white p-6">
            <h3 className="mb-3 text-xl font-bold">Équipe de soins</h3>
            <FormFeedback state={tState} labels={LABELS} />
            <InsHidden ins={ins} />
            <RadioGroup legend="À quel titre faites-vous partie de l’équipe de soins ?" name="motif" required error={tState.fieldErrors.motif}
              options={Object.entries(grounds).map(([value, label]) => ({ value, label }))} />
            <Checkbox name="informe" label="Le patient a été informé de mon accès à son profil et ne s’y est pas opposé" required error={tState.fieldErrors.informe} />
            <SubmitButton>Accéder en tant que membre de l’équipe de soins</SubmitButton>
          </form>
          {r.authorisation !== 'AUTHORISED' && (
            <p><Link className="underline" href={`/pro/patients/${r.profileId}/urgence`}>Accès en urgence (bris de glace ou régulation)</Link></p>
          )}
        </>
      )}
    </section>
  );
}
