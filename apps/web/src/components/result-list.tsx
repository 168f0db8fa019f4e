/**
 * A list page's results: the request's error (with a retry) or spinner, then a section headed by
 * the number of results, the table or a sentence saying there is nothing, and paging. While the next
 * page loads the previous one stays on screen, marked busy.
 */
import type { Resource } from '../api/use-api.ts';
import { DataTable, type Column } from './data-table.tsx';
import { ApiErrorMessage, Loading } from './feedback.tsx';
import { Pagination } from './pagination.tsx';

/** A page of a paged endpoint, or a whole list (`{ items }`) from one that is not paged. */
export interface Listed<T> {
  items: T[];
  total?: number;
  page?: number;
  pageSize?: number;
}

interface ResultListProps<T> {
  list: Resource<Listed<T>> & { reload: () => void };
  /** The id of the section's heading, which names the section and is scrolled to on a page change. */
  headingId: string;
  heading: (total: number) => string;
  /** The sentence shown when there are no results. */
  empty: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Going to another page (kept in the URL by the page); without it, no paging is offered. */
  onPage?: (page: number) => void;
}

export function ResultList<T>({ list, headingId, heading, empty, columns, rowKey, onPage }: ResultListProps<T>) {
  const data = list.data;
  return (
    <>
      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !data ? <Loading /> : null}
      {data ? (
        <section aria-labelledby={headingId} aria-busy={list.status === 'loading'}>
          <h2 id={headingId} className="list-heading">
            {heading(data.total ?? data.items.length)}
          </h2>
          <DataTable columns={columns} rows={data.items} rowKey={rowKey} empty={empty} />
          {onPage && data.page !== undefined && data.pageSize !== undefined && data.total !== undefined ? (
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(n) => {
                onPage(n);
                document.getElementById(headingId)?.scrollIntoView({ block: 'start' });
              }}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
