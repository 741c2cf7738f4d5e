import type { FormState } from '@/app/_forms/form-state';
import { canAddRepresentative } from '@/lib/representatives/rules';
import { GrantRepresentativeForm } from './GrantRepresentativeForm';
import { RevokeRepresentativeForm } from './RevokeRepresentativeForm';
import { END_REASONS, ROLE_LABELS, dayFr } from './labels';

type Role = keyof typeof ROLE_LABELS;
type Rep = { id: string; role: Role; granted_at: Date; first_names: string; birth_name: string };
type Ended = Rep & { revoked_at: Date | null; revoked_reason: keyof typeof END_REASONS | null };
type Action = (s: FormState, f: FormData) => Promise<FormState>;

type Props = {
  profileId: string; active: readonly Rep[]; ended: readonly Ended[]; canGrant: boolean;
  grantAction: Action; revokeAction: Action;
};

const nameOf = (r: Rep) => `${r.first_names} ${r.birth_name}`;

/** BO-5: the profile's legal representatives, withdrawal on a court decision (REP-6), addition (REP-4, REP-10). */
export function StaffRepresentatives({ profileId, active, ended, canGrant, grantAction, revokeAction }: Props) {
  return (
    <section aria-labelledby="representants-legaux" className="mt-10 max-w-3xl">
      <h2 id="representants-legaux" className="mb-4 text-xl font-bold">Représentants légaux</h2>
      {active.length === 0 && <p>Aucun représentant légal n’a accès à ce profil.</p>}
      <ul className="space-y-4">
        {active.map((r) => (
          <li key={r.id} className="rounded-lg border border-border bg-white p-6">
            <h3 className="text-lg font-bold">{nameOf(r)}</h3>
            <p className="text-muted">{ROLE_LABELS[r.role]}, depuis le {dayFr(r.granted_at)}</p>
            <RevokeRepresentativeForm profileId={profileId} representationId={r.id} name={nameOf(r)} action={revokeAction} />
          </li>
        ))}
      </ul>
      {ended.length > 0 && (
        <>
          <h3 className="mt-8 mb-2 text-lg font-bold">Représentations terminées</h3>
          <ul className="list-disc space-y-1 pl-6">
            {ended.map((r) => (
              <li key={r.id}>
                {nameOf(r)}, {ROLE_LABELS[r.role].toLowerCase()} du {dayFr(r.granted_at)}
                {r.revoked_at && <> au {dayFr(r.revoked_at)}</>} — {r.revoked_reason ? END_REASONS[r.revoked_reason] : 'fin non précisée'}
              </li>
            ))}
          </ul>
        </>
      )}
      {canGrant && (canAddRepresentative(active.length, 0)
        ? <GrantRepresentativeForm profileId={profileId} action={grantAction} />
        : <p className="mt-6">Ce profil a déjà deux représentants légaux (REP-5) : retirez d’abord un accès pour en ajouter un autre.</p>)}
    </section>
  );
}
