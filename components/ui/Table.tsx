import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export type TableColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Render this column's cells as <th scope="row"> (the row's name for screen readers). */
  rowHeader?: boolean;
  align?: 'left' | 'right';
};

export type TableProps<T> = {
  /** Required: every data table has a title (RGAA 5.4). */
  caption: ReactNode;
  /** Hide the caption visually when a heading right above already says the same. */
  captionHidden?: boolean;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** Shown in a single cell when there are no rows. */
  empty?: ReactNode;
  className?: string;
};

/**
 * Data table with headers bound by scope (RGAA 5.6/5.7). The scroll wrapper is focusable and
 * labelled so keyboard users can scroll wide tables at 200 % zoom.
 */
export function Table<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty = 'Aucun élément à afficher.',
  className,
}: TableProps<T>) {
  const captionId = useId();
  const alignClass = (align?: 'left' | 'right') => (align === 'right' ? 'text-right' : 'text-left');
  // Body cells are styled once from the table (not per cell): a 50-row page sends far less markup.
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cx('mb-6 overflow-x-auto rounded-lg border border-border bg-white', className)}
    >
      <table className="w-full border-collapse text-base [&_tbody_td]:px-4 [&_tbody_td]:py-3 [&_tbody_td]:align-top [&_tbody_td]:text-left [&_tbody_th]:px-4 [&_tbody_th]:py-3 [&_tbody_th]:align-top [&_tbody_th]:text-left [&_tbody_th]:font-semibold [&_tbody_tr]:border-b [&_tbody_tr]:border-border [&_tbody_tr:last-child]:border-b-0">
        <caption
          id={captionId}
          className={cx(captionHidden ? 'sr-only' : 'px-4 pt-4 pb-2 text-left text-lg font-bold')}
        >
          {caption}
        </caption>
        <thead className="bg-primary-50">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx('border-b-2 border-primary-700 px-4 py-3 font-bold', alignClass(column.align))}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="text-muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((column) => {
                  const cellClass = column.align === 'right' ? 'text-right!' : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={cellClass}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={cellClass}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
