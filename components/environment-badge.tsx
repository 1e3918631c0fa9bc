import type { Environment } from '@/lib/env';

const LOOK: Record<Environment, { label: string; className: string }> = {
  simulator: { label: 'Simulator', className: 'border-sky-300 bg-sky-50 text-sky-900' },
  toolbox: { label: 'Toolbox', className: 'border-amber-300 bg-amber-50 text-amber-900' },
  production: { label: 'Production', className: 'border-red-400 bg-red-600 text-white' },
};

/** Always visible, so nobody mistakes production for a test upstream. */
export function EnvironmentBadge({ environment }: { environment: Environment }) {
  const look = LOOK[environment];
  return (
    <span
      data-testid="environment-badge"
      title={`Flinks upstream: ${look.label}`}
      className={`inline-flex items-center gap-1 rounded-full border px-3 py-1 text-xs font-semibold uppercase tracking-wide ${look.className}`}
    >
      <span className="sr-only">Environment: </span>
      {look.label}
    </span>
  );
}
