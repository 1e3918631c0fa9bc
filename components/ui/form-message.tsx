import type { FormResult } from '@/lib/auth/user-schemas';

/** A form's outcome: success is a polite status, failure an alert. Nothing before the first submit. */
export function FormMessage({ result, className = '' }: { result: FormResult | null; className?: string }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className={`rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ${className}`}>
      {result.message}
    </p>
  ) : (
    <p role="alert" className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}>
      {result.message}
    </p>
  );
}

export const fieldErrorOf = (result: FormResult | null, field: string): string | undefined => (result && !result.ok ? result.fieldErrors[field] : undefined);
