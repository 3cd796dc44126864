import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of the Slipway CLI package, stamped into every project it creates. */
export const SLIPWAY_VERSION: string = (require('../package.json') as { version: string }).version;
