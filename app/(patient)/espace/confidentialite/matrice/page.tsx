import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { decisionLabel, matrixGrid } from '@/lib/access-matrix/grid';
import { PROFESSIONS, isProfessionCode } from '@/lib/access-matrix/professions';
import { readMatrix } from '@/lib/access-matrix/read-matrix';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';

export const metadata: Metadata = { title: 'Qui peut voir quels documents' };

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const plural = (code: string, label: string) => (isProfessionCode(code) ? PROFESSIONS[code].plural : label.toLowerCase());

/** PRO-9, PRO-10: the matrice d'habilitation in force, read-only; the holder can only narrow it. */
export default async function PatientMatrixPage() {
  const actor = await requireAudience('patient');
  const { inForce, rules } = await readMatrix(getDb(), actor, clock.now());
  const grid = matrixGrid(rules);
  return (
    <>
      <PageTitle title="Qui peut voir quels documents"
        lead="Les professionnels de santé autorisés à accéder à votre profil ne voient que les catégories de documents que la réglementation ouvre à leur profession." />
      <p className="mb-4 max-w-3xl">
        Vous ne pouvez pas élargir ces accès, seulement les restreindre : en masquant des documents ou en bloquant un professionnel de santé,
        depuis la page <Link href="/espace/confidentialite">Confidentialité</Link>.
      </p>
      {inForce && <p className="mb-6 text-muted">Règles en vigueur depuis le {day.format(inForce.effectiveFrom)} (version {inForce.number}).</p>}
      <Table caption="Les professionnels autorisés peuvent accéder aux documents suivants" rows={grid.rows} rowKey={(r) => r.category}
        columns={[
          { key: 'category', header: 'Catégorie de document', rowHeader: true, cell: (r) => r.label },
          ...grid.professions.map((p) => ({ key: p.code, header: p.label, cell: (r: (typeof grid.rows)[number]) => (
            <span className={r.decisions[p.code] === 'ALLOW' ? 'font-semibold text-success-700' : 'text-ink'}>{decisionLabel(r.decisions[p.code] ?? null)}</span>
          ) })),
        ]} />
      {grid.fine.length > 0 && (
        <Table caption="Exceptions pour certains documents" rows={grid.fine} rowKey={(r) => `${r.professionCode}|${r.specialty}|${r.targetKind}|${r.targetCode}`}
          columns={[
            { key: 'who', header: 'Professionnels', rowHeader: true, cell: (r) => `Les ${plural(r.professionCode, r.professionLabel)}${r.specialty ? ` (spécialité ${r.specialty})` : ''}` },
            { key: 'target', header: 'Document', cell: (r) => r.targetLabel },
            { key: 'decision', header: 'Accès', cell: (r) => decisionLabel(r.decision) },
          ]} />
      )}
    </>
  );
}
