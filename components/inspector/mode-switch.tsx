'use client';

import type { AuthorizeFormValues } from '@/lib/inspector/form-check';

type Mode = AuthorizeFormValues['mode'];

const MODES: { value: Mode; label: string; hint: string }[] = [
  { value: 'cached', label: 'Cached', hint: 'Open a saved login from what Flinks already holds; no bank contact.' },
  { value: 'live', label: 'Live', hint: 'Log in to the institution now, with credentials or a saved login.' },
];

export function ModeSwitch({ value, onChange, liveAllowed = true }: { value: Mode; onChange: (mode: Mode) => void; liveAllowed?: boolean }) {
  return (
    <div role="radiogroup" aria-labelledby="mode-label" className="space-y-2">
      <span id="mode-label" className="block text-sm font-medium text-slate-800">
        Mode
      </span>
      <div className="grid gap-2 sm:grid-cols-2">
        {MODES.map((m) => (
          <label
            key={m.value}
            className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${
              value === m.value ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-white'
            }`}
          >
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={value === m.value}
              disabled={m.value === 'live' && !liveAllowed}
              onChange={() => onChange(m.value)}
              aria-describedby={`mode-hint-${m.value}`}
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span className="block font-medium text-slate-900">{m.label}</span>
              {/* Hidden from the name (so the radio is just "Cached"/"Live"), still its description. */}
              <span id={`mode-hint-${m.value}`} aria-hidden="true" className="block text-slate-600">
                {m.value === 'live' && !liveAllowed ? 'Your role does not include live mode here.' : m.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
