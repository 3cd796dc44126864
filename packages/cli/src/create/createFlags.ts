/** Options of `slipway create`, as commander parses them. */
export interface CreateFlags {
  template?: string;
  name?: string;
  repoName?: string;
  modules?: string;
  config?: string;
  set: string[];
  dryRun?: boolean;
  diff?: boolean;
  force?: boolean;
  yes?: boolean;
  json?: boolean;
}
