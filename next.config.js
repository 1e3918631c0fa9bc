/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pg has optional native bits: keep both out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
};

export default nextConfig;
