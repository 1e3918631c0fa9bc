import { defineConfig } from 'drizzle-kit';

// Generation only (`npm run db:generate`): migrations are applied at start by the store itself.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/store/schema.ts',
  out: './drizzle',
});
