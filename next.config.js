/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pg has optional native bits: keep both out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // forbidden()/unauthorized(): a 403 or 401 with our own page, from lib/auth's requireViewer.
  // Server actions take up to 4 MB (Next's default is 1 MB): Import bundle uploads support bundles of up to
  // 3 MB (lib/simulator/replay/limits.ts) as multipart.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '4mb' } },
};

export default nextConfig;
