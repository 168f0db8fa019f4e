/**
 * The registry's tables: a header row, the first column heading each row (what a screen reader reads
 * out for the row), and each cell labelled with its column so the table turns into cards on phones
 * (`table--cards` in styles.css). Wide tables scroll sideways inside TableScroll.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { TableScroll } from './feedback.tsx';

export interface Column<T> {
  /** The column's heading, also each cell's label on phones. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Numbers: right-aligned. */
  num?: boolean;
}

interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The sentence shown instead of an empty table; without it, an empty table is shown. */
  empty?: string;
}

export function DataTable<T>({ columns, rows, rowKey, empty }: DataTableProps<T>) {
  const t = useT();
  const numClass = (c: Column<T>) => (c.num ? 'num' : undefined);
  if (empty !== undefined && rows.length === 0) return <p>{empty}</p>;
  return (
    <TableScroll label={t('common.tableScroll')}>
      <table className="table table--cards">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={numClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" data-label={c.header} className={numClass(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} data-label={c.header} className={numClass(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
