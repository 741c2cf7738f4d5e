'use client';
import { Badge } from '@/components/ui/Badge';
import { Table } from '@/components/ui/Table';

/** One row of the Documents list, already in words (dates and labels are formatted on the server). */
export type DocumentRow = {
  id: string; title: string; href: string; pinned: boolean; masked: boolean; category: string; date: string; author: string; folder: string;
};

/**
 * DOC-1: the Documents table. A client component on purpose: the server sends its rows as plain data
 * rather than as a tree of elements, which makes the busiest page of the space a fifth lighter to
 * render (bench:web). The checkboxes belong to the page's deletion form.
 */
export function DocumentsTable({ rows, caption, empty }: { rows: DocumentRow[]; caption: string; empty: string }) {
  return (
    <Table className="[&_input]:size-6 [&_input]:accent-primary-700" caption={caption} rows={rows} rowKey={(d) => d.id} empty={empty}
      columns={[
        { key: 'select', header: <span className="sr-only">Sélection</span>, cell: (d) => (
          <input type="checkbox" name="documents" value={d.id} aria-label={`Sélectionner « ${d.title} »`} />
        ) },
        { key: 'title', header: 'Titre', rowHeader: true, cell: (d) => (
          <>
            <a href={d.href}>{d.title}</a>
            {d.pinned && <> <Badge variant="info">Épinglé</Badge></>}
            {d.masked && <> <Badge variant="warning">Masqué aux professionnels</Badge></>}
          </>
        ) },
        { key: 'category', header: 'Catégorie', cell: (d) => d.category },
        { key: 'date', header: 'Date', cell: (d) => d.date },
        { key: 'author', header: 'Ajouté par', cell: (d) => d.author },
        { key: 'folder', header: 'Dossier', cell: (d) => d.folder },
      ]} />
  );
}
