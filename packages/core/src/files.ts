// `@slipway/core/files`: state files that several Slipway processes read and replace, and
// the one dotenv quoting rule for the files Slipway writes.
export { withFileLock } from './withFileLock.js';
export { writeFileAtomic } from './writeFileAtomic.js';
export { quoteEnvValue } from './quoteEnvValue.js';
