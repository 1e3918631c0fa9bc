import Link from 'next/link';
import { AUDIT_PATH, type AuditValues } from '@/lib/audit/audit-filter';
import { AUDIT_ACTIONS } from '@/lib/audit/types';

const input = 'mt-1 block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const label = 'block text-xs font-medium text-slate-700';

function Field({ name, text, children }: { name: string; text: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={`a-${name}`} className={label}>{text}</label>
      {children}
    </div>
  );
}

/** A plain GET form: the filters become the URL, so a filtered view of the trail is a link. */
export function AuditFilters({ values, problems, emptyRange }: { values: AuditValues; problems: string[]; emptyRange: boolean }) {
  return (
    <form method="get" action={AUDIT_PATH} role="search" aria-label="Filter the audit trail" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field name="actor" text="Actor">
          <input id="a-actor" name="actor" type="search" defaultValue={values.actor ?? ''} placeholder="alice@example.com" className={input} autoComplete="off" />
        </Field>
        <Field name="action" text="Action">
          <select id="a-action" name="action" defaultValue={values.action ?? ''} className={input}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </Field>
        <Field name="target" text="Target">
          <input id="a-target" name="target" defaultValue={values.target ?? ''} placeholder="Login ID, user id…" className={`${input} font-mono`} autoComplete="off" spellCheck={false} />
        </Field>
        <Field name="from" text="From">
          <input id="a-from" name="from" type="datetime-local" defaultValue={values.from ?? ''} aria-describedby="a-utc" className={input} />
        </Field>
        <Field name="to" text="To">
          <input id="a-to" name="to" type="datetime-local" defaultValue={values.to ?? ''} aria-describedby="a-utc" className={input} />
        </Field>
      </div>
      <p id="a-utc" className="text-xs text-slate-500">From and To are UTC and inclusive; the actor matches the start of an email, in any case.</p>
      {problems.length > 0 ? (
        <div role="alert" className="text-sm text-red-700">Ignored: {problems.join(' ')}</div>
      ) : null}
      {emptyRange ? <p role="alert" className="text-sm text-amber-800">From is after To: no event can match.</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">Apply filters</button>
        <Link prefetch={false} href={AUDIT_PATH} className="text-sm text-slate-600 hover:underline">Clear filters</Link>
      </div>
    </form>
  );
}
