/**
 * Size limit of a support bundle the simulator replays. A module of its own, free of zod, so the
 * Import bundle form can refuse an oversize file in the browser before sending it (issue 10: no zod
 * in client components). Bigger than any real session's bundle (365 days of transactions is a few
 * hundred kB), small enough to hold in memory; next.config.mjs lets server actions take it.
 */
export const MAX_BUNDLE_BYTES = 3 * 1024 * 1024;

export const formatBundleBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`);

export const tooBigMessage = (size: number) => `The file is ${formatBundleBytes(size)}; a support bundle may be ${formatBundleBytes(MAX_BUNDLE_BYTES)} at most.`;
