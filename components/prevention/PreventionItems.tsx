import { Badge, Button, Table, type BadgeVariant } from '@/components/ui';
import type { PreventionItemStatus } from '@/db/schema';
import type { PreventionItemView, ProfilePreventionItems } from '@/lib/prevention/list-items';

/** AGD-6 status labels, as users read them. */
export const STATUS_LABELS: Record<PreventionItemStatus, string> = {
  TO_PLAN: 'À planifier', NOT_SPECIFIED: 'Non renseigné', DONE: 'Réalisé', NOT_DONE: 'Non réalisé',
};
const VARIANTS: Record<PreventionItemStatus, BadgeVariant> = { TO_PLAN: 'info', NOT_SPECIFIED: 'neutral', DONE: 'success', NOT_DONE: 'warning' };
const SOURCES: Partial<Record<PreventionItemView['statusSource'], string>> = {
  REIMBURSEMENT: 'd’après un remboursement', VACCINATION: 'd’après le profil médical', USER: 'indiqué par vous',
};

const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' });
const fmt = (d: string) => day.format(new Date(`${d}T00:00:00Z`));
const lastDay = (end: string) => fmt(new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));

type Props = {
  data: ProfilePreventionItems;
  /** The agenda being shown (the holder's own for a child's items, AGD-7). */
  pageProfileId: string;
  caption: string;
  mark: (form: FormData) => Promise<void>;
};

/** AGD-6: the items of one profile with their status and the « Marquer comme réalisé / non réalisé » forms. */
export function PreventionItemsTable({ data, pageProfileId, caption, mark }: Props) {
  const markForm = (item: PreventionItemView, status: 'DONE' | 'NOT_DONE', text: string) => (
    <form action={mark}>
      <input type="hidden" name="profileId" value={data.profile.id} />
      <input type="hidden" name="pageProfileId" value={pageProfileId} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" variant="link">{text}<span className="sr-only"> : {item.label}</span></Button>
    </form>
  );
  return (
    <Table caption={caption} rows={data.items} rowKey={(i) => i.id} empty="Aucun examen ni vaccination pour le moment."
      columns={[
        { key: 'label', header: 'Examen ou vaccination', rowHeader: true, cell: (i) => (
          <>
            {i.label}
            {i.mandatory && <span className="block text-sm font-normal">Obligatoire</span>}
            {i.note && <span className="block text-sm font-normal">{i.note}</span>}
          </>
        ) },
        { key: 'window', header: 'Période', cell: (i) => `Du ${fmt(i.windowStart)} au ${lastDay(i.windowEnd)}` },
        { key: 'status', header: 'Statut', cell: (i) => (
          <>
            <Badge variant={VARIANTS[i.status]}>{STATUS_LABELS[i.status]}</Badge>
            {SOURCES[i.statusSource] && <span className="block text-sm">{SOURCES[i.statusSource]}</span>}
          </>
        ) },
        { key: 'actions', header: 'Actions', cell: (i) => (
          <div className="flex flex-col items-start gap-1">
            {i.status !== 'DONE' && markForm(i, 'DONE', 'Marquer comme réalisé')}
            {i.status !== 'NOT_DONE' && markForm(i, 'NOT_DONE', 'Marquer comme non réalisé')}
          </div>
        ) },
      ]} />
  );
}

/**
 * AGD-6, AGD-7: the « Examens médicaux et vaccinations à réaliser » section of the agenda: the profile's
 * items, then on the holder's own agenda each represented child's, under « Suivi médical avant 18 ans ».
 */
export function PreventionSection({ own, represented, pageProfileId, mark }: { own: ProfilePreventionItems; represented: ProfilePreventionItems[];
  pageProfileId: string; mark: (form: FormData) => Promise<void> }) {
  return (
    <section aria-labelledby="prevention" className="mb-10">
      <h2 id="prevention" className="mb-4 text-2xl font-bold">Examens médicaux et vaccinations à réaliser</h2>
      <p className="mb-4">D’après les calendriers officiels de vaccination et de prévention. Le statut se met à jour avec vos remboursements et votre profil médical.</p>
      <PreventionItemsTable data={own} pageProfileId={pageProfileId} mark={mark} caption={`Examens et vaccinations de ${own.profile.firstName}`} />
      {represented.length > 0 && (
        <>
          <h3 className="mb-4 text-xl font-bold">Suivi médical avant 18 ans</h3>
          {represented.map((child) => (
            <PreventionItemsTable key={child.profile.id} data={child} pageProfileId={pageProfileId} mark={mark} caption={child.profile.firstName} />
          ))}
        </>
      )}
    </section>
  );
}
