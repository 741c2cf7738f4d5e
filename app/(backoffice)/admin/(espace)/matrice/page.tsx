import type { Metadata } from 'next';
import { Alert, PageTitle, Table } from '@/components/ui';
import { UpcomingVersions, VersionsTable, versionMoment } from '@/components/backoffice/ReferenceVersions';
import { getDb } from '@/db/client';
import { decisionLabel, matrixGrid } from '@/lib/access-matrix/grid';
import { readMatrix } from '@/lib/access-matrix/read-matrix';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { publishMatrixAction } from './actions';
import { PublishMatrixForm } from './PublishMatrixForm';

export const metadata: Metadata = { title: 'Matrice d’habilitation' };

/** BO-7, PRO-9: the matrice d'habilitation — version in force, upcoming ones, rules; supervisors publish new versions. */
export default async function MatrixPage({ searchParams }: { searchParams: Promise<{ publiee?: string }> }) {
  const actor = await requireAudience('staff');
  const { publiee } = await searchParams;
  const now = clock.now();
  const { inForce, rules, upcoming, versions } = await readMatrix(getDb(), actor, now);
  const grid = matrixGrid(rules);
  return (
    <>
      <PageTitle title="Matrice d’habilitation"
        lead="Quelles professions de santé peuvent consulter quels documents. Chaque changement est une nouvelle version, avec sa date d’effet ; une version publiée ne se modifie jamais. Une combinaison absente de la matrice est refusée." />
      {publiee && <Alert variant="success" title={`Version ${publiee} publiée`}>Elle s’applique à partir de sa date d’effet.</Alert>}

      <section aria-labelledby="en-vigueur" className="mb-10">
        <h2 id="en-vigueur" className="mb-2 text-2xl font-bold">Version en vigueur</h2>
        {inForce ? (
          <p className="mb-4">
            Version {inForce.number}, en vigueur depuis le {versionMoment.format(inForce.effectiveFrom)}. {inForce.note}{' '}
            <a href="/admin/matrice/csv" download>Télécharger la version en vigueur (CSV)</a>
          </p>
        ) : <p className="mb-4">Aucune version en vigueur : tout accès est refusé.</p>}
        <UpcomingVersions upcoming={upcoming} />
        <Table caption={inForce ? `Règles par catégorie de document, version ${inForce.number}` : 'Règles par catégorie de document'} rows={grid.rows} rowKey={(r) => r.category}
          columns={[
            { key: 'category', header: 'Catégorie', rowHeader: true, cell: (r) => r.label },
            ...grid.professions.map((p) => ({ key: p.code, header: `${p.label} (${p.code})`, cell: (r: (typeof grid.rows)[number]) => (
              <span className={r.decisions[p.code] === 'ALLOW' ? 'font-semibold text-success-700' : 'text-ink'}>{decisionLabel(r.decisions[p.code] ?? null)}</span>
            ) })),
          ]} />
        <Table caption="Règles particulières (par type de document ou par spécialité, prioritaires sur la catégorie)" rows={grid.fine}
          rowKey={(r) => `${r.professionCode}|${r.specialty}|${r.targetKind}|${r.targetCode}`} empty="Aucune règle particulière."
          columns={[
            { key: 'profession', header: 'Profession', rowHeader: true, cell: (r) => `${r.professionLabel} (${r.professionCode})` },
            { key: 'specialty', header: 'Spécialité', cell: (r) => r.specialty ?? 'Toutes' },
            { key: 'target', header: 'Document', cell: (r) => r.targetLabel },
            { key: 'decision', header: 'Décision', cell: (r) => decisionLabel(r.decision) },
          ]} />
      </section>

      <section aria-labelledby="publier" className="mb-10">
        <h2 id="publier" className="mb-2 text-2xl font-bold">Publier une nouvelle version</h2>
        {actor.role === 'SUPERVISOR'
          ? <PublishMatrixForm action={publishMatrixAction} today={parisFormDefaults(now).date} />
          : <p>Seul un superviseur peut publier une nouvelle version. Vous pouvez télécharger la version en vigueur pour préparer une proposition.</p>}
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions" className="mb-2 text-2xl font-bold">Toutes les versions</h2>
        <VersionsTable caption="Versions de la matrice" versions={versions} inForce={inForce} upcoming={upcoming} />
      </section>
    </>
  );
}
