// `@slipway/core/files`: state files that several Slipway processes read and replace.
export { withFileLock } from './withFileLock.js';
export { writeFileAtomic } from './writeFileAtomic.js';
