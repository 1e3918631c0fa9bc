/** A field's error, referenced by the input's aria-describedby and announced when it appears. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="min-h-0 text-sm text-red-700 empty:hidden">
      {message ?? ''}
    </p>
  );
}

export const inputClass = (invalid: boolean) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600 ${
    invalid ? 'border-red-600' : 'border-slate-300'
  }`;
