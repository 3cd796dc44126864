import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILES, toJsonSchema } from './jsonSchemas.js';

// The committed files under packages/core/schemas are what editors and docs use; they
// must always equal what the zod schemas generate. Refresh with `npx vitest run -u`.
describe('JSON Schemas', () => {
  for (const [file, schema] of Object.entries(JSON_SCHEMA_FILES)) {
    it(`schemas/${file} matches the zod schema`, async () => {
      const text = `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`;
      await expect(text).toMatchFileSnapshot(`../schemas/${file}`);
    });
  }
});
