/** Test helpers other packages' tests share; resolved through the `source` condition only. */
export { BUN_REPO, FUTURE_NODE_REPO, NPM_EXPRESS_REPO, PNPM_TURBO_REPO } from './foreignRepos.js';
export {
  STARTER_VERSIONS,
  renderCreateNextApp,
  renderCreateVite,
  standInForGoogleFonts,
  unpackStarter,
} from './realStarters.js';
export { testdir, writeFiles } from './testdir.js';
