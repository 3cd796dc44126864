// eslint-disable-next-line no-control-regex -- ANSI escape sequences start with ESC (\x1b)
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** turbo's task prefix, e.g. `@acme/api:build: ` (stream UI). */
const TURBO_PREFIX = /^(@?[\w.-]+(?:\/[\w.-]+)?):([\w:-]+):(?: |$)/;

/** A line with colours removed and turbo's task prefix split off. */
export interface OutputLine {
  /** The workspace package the line came from, when turbo said so. */
  pkg?: string;
  text: string;
}

export function parseOutput(output: string): OutputLine[] {
  return output.split('\n').map((raw) => {
    const line = raw.replace(ANSI, '');
    const prefix = TURBO_PREFIX.exec(line);
    return prefix?.[1] ? { pkg: prefix[1], text: line.slice(prefix[0].length) } : { text: line };
  });
}

/** Joins a path printed inside a workspace package onto that package's folder. */
export function projectPath(
  file: string,
  pkg: string | undefined,
  packageDirs: ReadonlyMap<string, string>,
): string {
  const dir = pkg ? packageDirs.get(pkg) : undefined;
  return dir && !file.startsWith('/') ? `${dir}/${file}` : file;
}
