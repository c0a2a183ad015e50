import { Command } from 'commander';
import { configFromEnv } from '../config/config.js';
import { bootstrapCommand } from './bootstrap-command.js';
import { serveCommand } from './serve-command.js';

const program = new Command('ward').description('AWS-compatible IAM, STS, Organizations and Account service');

program
  .command('serve')
  .description('serve the AWS APIs on one endpoint')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--port <port>', 'port to listen on (default 4599)')
  .option('--data <dir>', 'data directory for the SQLite store and master key (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) shared by several Ward nodes, instead of SQLite')
  .option('--emulator', 'moto-compatible emulator mode: unknown keys act as root, /moto-api/* control routes')
  .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
  .action(async (opts: { host?: string; port?: string; data?: string; database?: string; emulator?: boolean; logLevel?: string }) => {
    await serveCommand(
      configFromEnv({
        host: opts.host,
        port: opts.port,
        dataDir: opts.data,
        databaseUrl: opts.database,
        emulator: opts.emulator,
        logLevel: opts.logLevel,
      }),
    );
  });

program
  .command('bootstrap')
  .description('create the management account, its root user and a root access key, if the store is empty')
  .option('--data <dir>', 'data directory (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) instead of SQLite')
  .action(async (opts: { data?: string; database?: string }) => {
    process.exitCode = await bootstrapCommand(configFromEnv({ dataDir: opts.data, databaseUrl: opts.database }));
  });

await program.parseAsync(process.argv);
