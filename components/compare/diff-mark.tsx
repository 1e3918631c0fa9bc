/**
 * Marks a difference with a symbol and words, not colour alone: "≠ differs" is read out and printed;
 * the amber background only helps sighted users spot it.
 */
export function DiffMark({ differs }: { differs: boolean }) {
  if (!differs) return <span className="sr-only">same</span>;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="diff-mark">
      <span aria-hidden="true">≠</span> differs
    </span>
  );
}

export const DIFF_ROW = 'bg-amber-50/70';
