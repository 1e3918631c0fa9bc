/**
 * Asks the server to cancel the Flinks call running for an inspection (app/sessions/[id]/cancel):
 * a plain fetch, because server actions are queued behind the very action it must stop.
 */
/** true when something was cancelled; false when nothing was running yet (still queued) or any more. */
export async function requestCancel(inspectionId: string): Promise<boolean> {
  const res = await fetch(`/sessions/${encodeURIComponent(inspectionId)}/cancel`, { method: 'POST', headers: { 'X-Inspector-Action': 'cancel' } });
  if (!res.ok) throw new Error(`Cancel was refused (HTTP ${res.status}).`);
  const body: unknown = await res.json().catch(() => null);
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'cancelled';
}
