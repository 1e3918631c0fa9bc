/** Who is at the other end, as far as the request says: the proxy's request id, the client IP, the browser. */
export function requestMetaFrom(headers: Headers | null | undefined): { requestId: string | null; ip: string | null; userAgent: string | null } {
  if (!headers) return { requestId: null, ip: null, userAgent: null };
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  return {
    requestId: headers.get('x-request-id'),
    ip: forwarded ?? headers.get('x-real-ip'),
    userAgent: headers.get('user-agent')?.slice(0, 512) ?? null,
  };
}
