'use client';

import { useState } from 'react';
import type { Persona } from '@/lib/inspector/personas';
import { SelectField } from '@/components/ui/select-field';

/** QA helper: fills the Live form with a toolbox (or simulator-only) test persona. */
export function PersonaPicker({ personas, onPick }: { personas: readonly Persona[]; onPick: (p: Persona) => void }) {
  const [selected, setSelected] = useState('');
  const current = personas.find((p) => p.username === selected);
  return (
    <div className="rounded-md border border-dashed border-amber-400 bg-amber-50 p-3">
      <SelectField
        label="Test persona"
        value={selected}
        onValueChange={(v) => {
          setSelected(v);
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
