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
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cx('mb-6 overflow-x-auto rounded-lg border border-border bg-white', className)}
    >
      <table className="w-full border-collapse text-base">
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
              <td colSpan={columns.length} className="px-4 py-3 text-muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)} className="border-b border-border last:border-b-0">
                {columns.map((column) => {
                  const cellClass = cx('px-4 py-3 align-top', alignClass(column.align));
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={cx(cellClass, 'font-semibold')}>
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
