// `node --conditions=source --import ./registerTypescript.mjs file.ts` runs a TypeScript
// entry point against the workspace sources (see typescriptHooks.mjs).
import { register } from 'node:module';

register('./typescriptHooks.mjs', import.meta.url);
