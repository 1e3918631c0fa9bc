/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pg has optional native bits: keep both out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // forbidden()/unauthorized(): a 403 or 401 with our own page, from lib/auth's requireViewer.
  experimental: { authInterrupts: true },
};

export default nextConfig;
