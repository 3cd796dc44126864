import { defineConfig } from 'drizzle-kit';

// `npm run generate -w packages/db` writes a new migration when src/schema.ts changes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
});
