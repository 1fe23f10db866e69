import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Only `prisma generate` and `prisma migrate diff` (schema file to schema file) are used: neither needs a
// database. `engine: 'js'` makes the CLI use the WebAssembly schema engine shipped in the npm package
// instead of downloading a native one (see docs/adr/0002-migrations-offline.md). The adapter is never
// connected by those two commands; migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: path.join('prisma', 'schema'),
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' });
  },
});
