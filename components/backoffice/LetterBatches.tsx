import type { FormState } from '@/app/_forms/form-state';
import { Badge, Table } from '@/components/ui';
import { count, dateTime, frenchDate } from './campaign-format';
import { PostLetterBatchForm } from './PostLetterBatchForm';

type Batch = { id: string; seq: number; letters: number; status: 'READY' | 'POSTED'; created_at: Date; posted_on: string | null };
type Props = { campaignId: string; batches: Batch[]; today: string; postAction: (s: FormState, f: FormData) => Promise<FormState> };

/** CMP-3: the PDF batches for the print provider; once handed to La Poste, the agent declares the day. */
export function LetterBatches({ campaignId, batches, today, postAction }: Props) {
  const ready = batches.filter((b) => b.status === 'READY');
  return (
    <section aria-labelledby="courriers-titre" className="mb-10">
      <h2 id="courriers-titre" className="mb-2 text-2xl font-bold">Courriers à imprimer</h2>
      <p className="mb-4 max-w-3xl">
        Sans adresse électronique, ou après un rejet, l’avis part par courrier. Chaque lot est un PDF à transmettre à l’imprimeur ;
        il contient les codes provisoires en clair et sera supprimé dès que le lot est déclaré déposé.
      </p>
      <Table caption="Lots de courriers" captionHidden rows={batches} rowKey={(b) => b.id} empty="Aucun lot de courriers pour cette campagne."
        columns={[
          { key: 'seq', header: 'Lot n°', rowHeader: true, cell: (b) => b.seq },
          { key: 'letters', header: 'Courriers', align: 'right', cell: (b) => count.format(b.letters) },
          { key: 'status', header: 'État', cell: (b) => (b.status === 'READY'
            ? <Badge variant="warning">À déposer</Badge> : <Badge variant="success">Déposé</Badge>) },
          { key: 'created', header: 'Préparé le', cell: (b) => dateTime.format(b.created_at) },
          { key: 'posted', header: 'Déposé le', cell: (b) => (b.posted_on ? frenchDate(b.posted_on) : '—') },
          { key: 'file', header: 'Fichier', cell: (b) => (b.status === 'READY'
            ? <a href={`/admin/campagnes/${campaignId}/courriers/${b.id}`} download>Télécharger le lot n° {b.seq} (PDF)</a>
            : 'supprimé') },
        ]} />
      {ready.map((b) => <PostLetterBatchForm key={b.id} campaignId={campaignId} batch={{ id: b.id, seq: b.seq, letters: b.letters }} today={today} action={postAction} />)}
    </section>
  );
}
