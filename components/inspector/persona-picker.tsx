'use client';

import type { Persona } from '@/lib/inspector/personas';
import { SelectField } from '@/components/ui/select-field';

/**
 * QA helper: fills the Live form with a toolbox (or simulator-only) test persona. Controlled by the
 * form's username, so the choice survives Start over (which keeps the username) and a username typed
 * by hand that is a persona's shows its hint too.
 */
export function PersonaPicker({ personas, selected, onPick }: { personas: readonly Persona[]; selected: string; onPick: (p: Persona) => void }) {
  const current = personas.find((p) => p.username === selected);
  return (
    <div className="rounded-md border border-dashed border-amber-400 bg-amber-50 p-3">
      <SelectField
        label="Test persona"
        value={current?.username ?? ''}
        onValueChange={(v) => {
          const p = personas.find((x) => x.username === v);
          if (p) onPick(p);
        }}
      >
        <option value="">Choose a persona to fill the Live form…</option>
        {personas.map((p) => (
          <option key={p.username} value={p.username}>
            {p.username} — {p.description}
          </option>
        ))}
      </SelectField>
      <p className="mt-1 text-xs text-amber-900">
        {current ? `${current.username}: ${current.description}` : 'For QA against the simulator or the Flinks toolbox only.'}
      </p>
    </div>
  );
}
