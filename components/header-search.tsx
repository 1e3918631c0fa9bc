/**
 * The header's Search: a plain GET form to /search, so it works before hydration and from any page.
 * /search decides: one match opens the session, otherwise History filtered by the same prefix.
 */
export function HeaderSearch() {
  return (
    <form method="get" action="/search" role="search" aria-label="Find a session" className="flex items-center gap-1">
      <label htmlFor="header-search" className="sr-only">Search</label>
      <input
        id="header-search"
        name="q"
        type="search"
        required
        autoComplete="off"
        spellCheck={false}
        placeholder="Request ID, Login ID…"
        title="A Request ID, Login ID, inspection id or tag; the start of one is enough"
        className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm lg:w-44"
      />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Go<span className="sr-only"> to search results</span>
      </button>
    </form>
  );
}
