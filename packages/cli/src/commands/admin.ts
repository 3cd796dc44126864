import type { Command } from 'commander';
import pc from 'picocolors';

interface ResetPasswordFlags {
  email?: string;
  dataDir?: string;
}

/**
 * `slipway admin reset-password`: a new generated password for the first admin (or
 * `--email`), printed once; every session and API token of that admin ends. Run it
 * while `slipway serve` is stopped when the database is the embedded one.
 */
export function registerAdminCommand(program: Command): void {
  const admin = program.command('admin').description('Server administration');
  admin
    .command('reset-password')
    .description(
      'Set a new generated password for the first admin (or --email); it is printed once',
    )
    .option('--email <email>', 'which admin (default: the first admin)')
    .option(
      '--data-dir <dir>',
      'the server data directory (default ~/.slipway; ignored with DATABASE_URL)',
    )
    .action(async (flags: ResetPasswordFlags) => {
      const { runResetAdminPassword } = await import('@slipway/server');
      const { email, password } = await runResetAdminPassword({
        email: flags.email,
        dataDir: flags.dataDir,
      });
      console.log(pc.bold('New admin password (shown once; every old session was signed out):'));
      console.log(`  email:    ${email}`);
      console.log(`  password: ${password}`);
    });
}
