import type { Command } from 'commander';
import pc from 'picocolors';
import { SlipwayError } from '@slipway/core/errors';
import type { DevMail, ServerRole } from '@slipway/server';

/** Kept here rather than imported so `slipway --help` does not load the server. */
export const SERVER_ROLES: readonly ServerRole[] = ['api', 'worker', 'all'];

interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  role?: string;
}

/**
 * `slipway serve`: the control plane in one process (role `all` by default). Prints the
 * URL, the first admin's credentials on first start, and — while mail goes to the dev
 * mailbox — every verification or reset link. JSON logs go to stderr. SIGINT/SIGTERM
 * stop it gracefully within SLIPWAY_SHUTDOWN_TIMEOUT_MS (10 s): stop accepting, drain
 * requests, stop durable work, close the database; a second signal stops Postgres at once.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the Slipway server (API, workers, embedded Postgres by default)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one; default $PORT or 7420)')
    .option('--host <host>', 'interface to bind (default $HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'where the embedded database and keys live (default ~/.slipway)')
    .option('--role <role>', `what this process does: ${SERVER_ROLES.join(', ')}`)
    .action(async (flags: ServeFlags) => {
      const role = parseRole(flags.role);
      const { startServer } = await import('@slipway/server');
      const server = await startServer({
        port: flags.port === undefined ? undefined : Number(flags.port),
        host: flags.host,
        dataDir: flags.dataDir,
        role,
        logStream: process.stderr,
        onDevMail: printDevMail,
      });
      console.log(
        `${pc.green('Slipway is running')} at ${pc.bold(server.url)}  (role ${server.config.role})`,
      );
      console.log(`  API docs: ${server.url}/api/docs`);
      if (server.firstAdmin) {
        console.log(pc.bold('First start: an admin account was created. Save this password now;'));
        console.log('it will not be shown again.');
        console.log(`  email:    ${server.firstAdmin.email}`);
        console.log(`  password: ${server.firstAdmin.password}`);
      }
      // A second signal during the drain: Postgres stops immediately and the lock goes.
      const signal = await untilSignal(async (again) => {
        console.log(`${again}: stopping now`);
        await server.kill();
        process.exit(130);
      });
      console.log(`${signal}: stopping… (again to stop at once)`);
      await server.close();
      // Everything of ours is closed; a library timer must not keep the process up.
      setTimeout(() => process.exit(0), 1_000).unref();
    });
}

function parseRole(role: string | undefined): ServerRole | undefined {
  if (role === undefined) return undefined;
  if ((SERVER_ROLES as readonly string[]).includes(role)) return role as ServerRole;
  throw new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'CLI',
    message: `Unknown role "${role}"; expected one of ${SERVER_ROLES.join(', ')}`,
    recovery: ['slipway serve --role all'],
  });
}

function printDevMail(mail: DevMail): void {
  const what = mail.kind === 'verification' ? 'Verification' : 'Password reset';
  console.log(`${pc.cyan('dev mailbox')} ${what} link for ${mail.to}: ${mail.link}`);
}

/** Resolves on the first SIGINT/SIGTERM; every later one calls `onAgain` (same listener, so none is missed). */
function untilSignal(onAgain: (signal: NodeJS.Signals) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let seen = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (seen++ === 0) resolve(signal);
      else onAgain(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
