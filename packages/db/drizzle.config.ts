import { defineConfig } from 'drizzle-kit';

// `npm run generate -w packages/db` writes a new migration when the schema files change.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/schema.ts', './src/appSchema.ts'],
  out: './migrations',
});
