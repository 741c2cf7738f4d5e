'use client';
import { Button } from '@/components/ui/Button';
import { Select } from '@/components/ui/Select';

export type SwitchableProfile = { id: string; label: string };

/**
 * REP-5: a representative chooses whose record to work on. A plain GET form (no JavaScript needed);
 * shown only when the account reaches more than one profile. A client component: the page sends the
 * profiles as data (see DocumentsTable).
 */
export function ProfileSwitcher({ profiles, current, action }: { profiles: SwitchableProfile[]; current: string; action: string }) {
  if (profiles.length < 2) return null;
  return (
    <form method="get" action={action} className="mb-8 flex flex-wrap items-end gap-4 rounded-lg border border-border bg-white p-4">
      <Select label="Profil affiché" name="profil" defaultValue={current} className="mb-0"
        options={profiles.map((p) => ({ value: p.id, label: p.label }))} />
      <Button type="submit" variant="secondary">Afficher</Button>
    </form>
  );
}
