/**
 * One server call per click: a double click, or a retried post of the same form, carries the same
 * click id and gets the first call's answer instead of opening a second inspection. In this process
 * only (several instances behind a balancer could each run one; the button is disabled while
 * pending as the first guard). An answer is kept for a minute, then forgotten.
 */
const KEEP_MS = 60_000;
const calls = new Map<string, Promise<unknown>>();

export function oncePerClick<T>(key: string, call: () => Promise<T>, keep: (result: T) => boolean = () => true): Promise<T> {
  const known = calls.get(key);
  if (known) return known as Promise<T>;
  const running = call();
  calls.set(key, running);
  const forget = () => calls.delete(key);
  running.then(
    (result) => {
      // Nothing was opened (a missing password): the same click id may simply try again.
      if (!keep(result)) forget();
      else setTimeout(forget, KEEP_MS).unref?.();
    },
    forget,
  );
  return running;
}
