import { execFileSync } from 'node:child_process';

/** End-to-end tests run the real `slipway` binary, so the packages are built first (incremental). */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: 'inherit',
    cwd: new URL('../..', import.meta.url).pathname,
  });
}
