import { NextResponse, type NextRequest } from 'next/server';
import { guardRequest } from '@/lib/http/request-guard';

/**
 * Runs before every route: refuses malformed requests Next would otherwise answer with a 500
 * (lib/http/request-guard.ts says which). If a sign-in check is added here, keep /api/health and
 * /api/ready outside it: they are polled without credentials.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = await guardRequest(request);
  if (refusal) {
    return new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  return NextResponse.next();
}

export const config = {
  // Static assets never carry actions or route params.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
