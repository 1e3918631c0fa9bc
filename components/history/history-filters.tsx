import Link from 'next/link';
import { MODES, STATUSES, type HistoryValues } from '@/lib/inspector/history-filter';

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const label = 'block text-xs font-medium text-slate-700';

function Text({ name, labelText, values, placeholder }: { name: keyof HistoryValues; labelText: string; values: HistoryValues; placeholder?: string }) {
  return (
    <div className="col-span-2 sm:col-span-1">
      <label htmlFor={`f-${name}`} className={label}>{labelText}</label>
      <input id={`f-${name}`} name={name} defaultValue={values[name] ?? ''} placeholder={placeholder} className={input} autoComplete="off" />
    </div>
  );
}

/** A plain GET form: the filters become the URL, so a filtered view is a link anyone can open. */
export function HistoryFilters({ values, problems, shortcuts }: { values: HistoryValues; problems: string[]; shortcuts: { today: string; lastWeek: string } }) {
  return (
    <form method="get" action="/sessions" role="search" aria-label="Filter sessions" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {/* The header's Search rides along, so narrowing a search result keeps it. */}
      {values.q ? (
        <p className="text-sm text-slate-700">
          <input type="hidden" name="q" value={values.q} />
          Sessions whose Login ID, Request ID, Tag or id starts with <code className="rounded bg-slate-100 px-1 font-mono">{values.q}</code>
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Text name="loginId" labelText="Login ID" values={values} placeholder="5e115eac (start is enough)" />
        <Text name="requestId" labelText="Request ID" values={values} />
        <Text name="tag" labelText="Tag" values={values} placeholder="ticket- (start is enough)" />
        <Text name="institution" labelText="Institution" values={values} placeholder="FlinksCapital" />
        <Text name="openedBy" labelText="Opened by" values={values} placeholder="name@company.com" />
        <div>
          <label htmlFor="f-mode" className={label}>Mode</label>
          <select id="f-mode" name="mode" defaultValue={values.mode ?? ''} className={input}>
            <option value="">Any</option>
            {MODES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className={label}>Status</label>
          <select id="f-status" name="status" defaultValue={values.status ?? ''} className={input}>
            <option value="">Any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.replace('_', ' ')}</option>)}
          </select>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="f-from" className={label}>From (UTC)</label>
          <input id="f-from" type="datetime-local" name="from" defaultValue={values.from ?? ''} className={input} />
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="f-to" className={label}>To (UTC)</label>
          <input id="f-to" type="datetime-local" name="to" defaultValue={values.to ?? ''} className={input} />
        </div>
      </div>
      {problems.length > 0 ? (
        <div role="alert" className="text-sm text-red-700">
          Ignored: {problems.join('; ')}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          Apply filters
        </button>
        <Link prefetch={false} href="/sessions" className="text-sm text-slate-600 hover:underline">Clear filters</Link>
        <span className="text-sm text-slate-500" aria-hidden="true">·</span>
        <Link prefetch={false} href={shortcuts.today} className="text-sm text-indigo-700 hover:underline">Today</Link>
        <Link prefetch={false} href={shortcuts.lastWeek} className="text-sm text-indigo-700 hover:underline">Last 7 days</Link>
      </div>
    </form>
  );
}
