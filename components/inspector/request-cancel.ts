/**
 * Asks the server to cancel the Flinks call running for an inspection (app/sessions/[id]/cancel):
 * a plain fetch, because server actions are queued behind the very action it must stop.
 */
export async function requestCancel(inspectionId: string): Promise<void> {
  const res = await fetch(`/sessions/${encodeURIComponent(inspectionId)}/cancel`, { method: 'POST', headers: { 'X-Inspector-Action': 'cancel' } });
  if (!res.ok) throw new Error(`Cancel was refused (HTTP ${res.status}).`);
}
