import Link from 'next/link';
import { Table } from '@/components/ui';
import { formatDay } from '@/components/documents/labels';
import { parisIsoDay } from '@/lib/measures/paris-time';

type Doc = { id: string; title: string; created_at: Date; document_date: string | null };

/** The documents a section of the profil médical points to (DOC_ADM, QUEST_SANTE), each a link to its page. */
export function SectionDocuments({ caption, documents, empty, href }: { caption: string; documents: readonly Doc[]; empty: string; href: (id: string) => string }) {
  return (
    <Table caption={caption} rows={[...documents]} rowKey={(d) => d.id} empty={empty}
      columns={[
        { key: 'title', header: 'Titre', rowHeader: true, cell: (d) => <Link href={href(d.id)}>{d.title}</Link> },
        { key: 'date', header: 'Date', cell: (d) => formatDay(d.document_date ?? parisIsoDay(d.created_at)) },
      ]} />
  );
}
