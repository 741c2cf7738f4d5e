import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';

/** The profiles an account opens: its own, then those it represents (REP-1..5), oldest child first. */
export async function listAccessibleProfiles(db: Db, actor: PatientActor) {
  const ids = [...(actor.ownProfileId ? [actor.ownProfileId] : []), ...actor.representedProfileIds];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('profiles').select(['id', 'first_names', 'birth_name', 'birth_date', 'state'])
    .where('id', 'in', ids).orderBy('birth_date').execute();
  const fr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
  return rows.map((r) => ({
    id: r.id, firstName: r.first_names.split(' ')[0] ?? '', birthName: r.birth_name, state: r.state,
    birthDateFr: fr.format(new Date(`${r.birth_date}T00:00:00Z`)),
    relation: r.id === actor.ownProfileId ? ('HOLDER' as const) : ('REPRESENTATIVE' as const),
  }));
}
