'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { COMPARE_FORM_ID } from './compare-form-id';

/**
 * "Compare" for the rows ticked in History. Without script the form still goes to /compare with the
 * picks, which explains a wrong count itself; with script the count is checked here, without a trip.
 */
export function CompareButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const picked = Array.from(document.querySelectorAll<HTMLInputElement>(`input[form="${COMPARE_FORM_ID}"][name="s"]:checked`), (el) => el.value);
    if (picked.length !== 2) {
      setMessage(`Select exactly two sessions to compare (${picked.length} selected).`);
      return;
    }
    setMessage(null);
    router.push(`/compare?a=${encodeURIComponent(picked[0]!)}&b=${encodeURIComponent(picked[1]!)}`);
  }

  return (
    <form id={COMPARE_FORM_ID} method="get" action="/compare" onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <p role="status" className="text-sm text-red-700">{message}</p>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        Compare
      </button>
    </form>
  );
}
