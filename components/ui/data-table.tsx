import type { ReactNode } from 'react';

/**
 * A column header: `numeric` right-aligns it (amounts); `srOnly` names it for screen readers only;
 * `className` adds classes to the th (responsive visibility, sticky columns); `sort` + `onSort` make
 * the header a button that sorts by the column, its th carrying aria-sort.
 */
export type Column = {
  label: string;
  numeric?: boolean;
  srOnly?: boolean;
  className?: string;
  sort?: 'ascending' | 'descending' | 'none';
  onSort?: () => void;
};

const ARROW = { ascending: '▲', descending: '▼', none: '↕' } as const;

function HeaderContent({ c }: { c: Column }) {
  if (c.srOnly) return <span className="sr-only">{c.label}</span>;
  if (!c.onSort) return <>{c.label}</>;
  return (
    <button
      type="button"
      onClick={c.onSort}
      className={`inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${c.sort && c.sort !== 'none' ? 'text-slate-900' : ''}`}
    >
      {c.label}
      <span aria-hidden="true" className="text-[10px]">{ARROW[c.sort ?? 'none']}</span>
    </button>
  );
}

/**
 * The frame every data table here shares: horizontal scroll on narrow screens (cells do not wrap),
 * an optional caption, and the header row. Rows are the caller's, inside the tbody.
 */
export function DataTable({
  columns,
  caption,
  captionSrOnly = false,
  testId,
  children,
}: {
  columns: readonly Column[];
  caption?: string;
  captionSrOnly?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // relative: sr-only cells are position:absolute; without a containing block here they sit at their
    // scrolled-out x and widen the whole page on narrow screens.
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        {caption ? (
          <caption className={captionSrOnly ? 'sr-only' : 'whitespace-nowrap px-3 py-2 text-left text-sm font-semibold text-slate-800'}>{caption}</caption>
        ) : null}
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                aria-sort={c.onSort ? (c.sort ?? 'none') : undefined}
                className={`${c.numeric ? 'whitespace-nowrap px-3 py-2 text-right' : 'px-3 py-2'} ${c.className ?? ''}`}
              >
                <HeaderContent c={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
