import { Badge, Table } from '@/components/ui';

/** BO-7: one published version of versioned reference data (matrix, « Pourquoi ce message ? » texts). */
export type ReferenceVersion = { id: string; number: number; effectiveFrom: Date; note: string; createdBy: string | null; createdAt: Date };

export const versionMoment = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** The versions published with a date still to come. */
export function UpcomingVersions({ upcoming }: { upcoming: readonly ReferenceVersion[] }) {
  if (upcoming.length === 0) return null;
  return (
    <ul className="mb-4 list-disc pl-6">
      {upcoming.map((v) => <li key={v.id}>Version {v.number} à venir : en vigueur à partir du {versionMoment.format(v.effectiveFrom)}. {v.note}</li>)}
    </ul>
  );
}

/** Every version, with its state: in force, to come, replaced. */
export function VersionsTable({ caption, versions, inForce, upcoming }: {
  caption: string; versions: readonly ReferenceVersion[]; inForce: ReferenceVersion | null | undefined; upcoming: readonly ReferenceVersion[];
}) {
  const status = (n: number) => (n === inForce?.number ? <Badge variant="success">En vigueur</Badge>
    : upcoming.some((v) => v.number === n) ? <Badge variant="info">À venir</Badge> : <Badge>Remplacée</Badge>);
  return (
    <Table caption={caption} captionHidden rows={[...versions]} rowKey={(v) => v.id} empty="Aucune version."
      columns={[
        { key: 'number', header: 'Version', rowHeader: true, cell: (v) => `Version ${v.number}` },
        { key: 'effective', header: 'Date d’effet', cell: (v) => versionMoment.format(v.effectiveFrom) },
        { key: 'status', header: 'État', cell: (v) => status(v.number) },
        { key: 'note', header: 'Note', cell: (v) => v.note },
        { key: 'created', header: 'Publiée le', cell: (v) => (v.createdBy ? versionMoment.format(v.createdAt) : 'Version initiale') },
      ]} />
  );
}
