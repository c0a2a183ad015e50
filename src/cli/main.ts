import { Command } from 'commander';
import { configFromEnv } from '../config/config.js';
import { bootstrapCommand } from './bootstrap-command.js';
import { eventsCommand } from './events-command.js';
import { exitOnUnsupportedNode } from './node-version.js';
import { policyGenerateCommand } from './policy-command.js';
import { serveCommand } from './serve-command.js';

exitOnUnsupportedNode(); // bin/ward.js checks before loading anything; this covers `tsx src/cli/main.ts`

/** commander's accumulator for repeatable options. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const program = new Command('ward').description('AWS-compatible IAM, STS, Organizations and Account service');

program
  .command('serve')
  .description('serve the AWS APIs on one endpoint')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--port <port>', 'port to listen on (default 4599)')
  .option('--data <dir>', 'data directory for the SQLite store and master key (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) shared by several Ward nodes, instead of SQLite')
  .option(
    '--emulator',
    'moto-compatible emulator mode: unknown keys act as user/moto (full rights), /moto-api/* control routes',
  )
  .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
  .option('--audit-retention-days <days>', 'days the audit trail keeps events (default 90)')
  .option('--request-timeout-ms <ms>', 'time a client has to send a whole request (default 30000)')
  .option('--max-connections <n>', 'open connections at most (default 2048)')
  .option(
    '--public-url <url>',
    "the console's canonical origin for mailed links and allowed Host headers (default: the listen address)",
  )
  .option(
    '--trusted-proxies <list>',
    'reverse proxies (addresses/CIDRs, comma-separated) whose X-Forwarded-For is believed (default none)',
  )
  .option(
    '--gateway-target <SERVICE=URL>',
    'forward SERVICE (or * for every other) to a backend, IAM enforced (repeatable)',
    collect,
  )
  .option(
    '--gateway-backend-key <[SERVICE=]KEY:SECRET>',
    're-sign forwarded requests with this backend key (repeatable)',
    collect,
  )
  .option('--gateway-mode <mode>', 'enforce (default) or soft: forward denied calls, recording the would-be denial')
  .option(
    '--gateway-s3-domain <domain>',
    'base domain of virtual-hosted S3, bucket.DOMAIN (repeatable; default localhost)',
    collect,
  )
  .option('--gateway-data-events <selectors>', 'data events to record: * (default), none, or SERVICE[:Operation],…')
  .action(
    async (opts: {
      gatewayTarget?: string[];
      gatewayBackendKey?: string[];
      gatewayMode?: string;
      gatewayS3Domain?: string[];
      gatewayDataEvents?: string;
      host?: string;
      port?: string;
      data?: string;
      database?: string;
      emulator?: boolean;
      logLevel?: string;
      auditRetentionDays?: string;
      requestTimeoutMs?: string;
      maxConnections?: string;
      publicUrl?: string;
      trustedProxies?: string;
    }) => {
      await serveCommand(
        configFromEnv({
          host: opts.host,
          port: opts.port,
          dataDir: opts.data,
          databaseUrl: opts.database,
          emulator: opts.emulator,
          logLevel: opts.logLevel,
          auditRetentionDays: opts.auditRetentionDays,
          requestTimeoutMs: opts.requestTimeoutMs,
          maxConnections: opts.maxConnections,
          publicUrl: opts.publicUrl,
          trustedProxies: opts.trustedProxies,
          gatewayTargets: opts.gatewayTarget,
          gatewayBackendKeys: opts.gatewayBackendKey,
          gatewayMode: opts.gatewayMode,
          gatewayS3Domains: opts.gatewayS3Domain,
          gatewayDataEvents: opts.gatewayDataEvents,
        }),
      );
    },
  );

program
  .command('bootstrap')
  .description('create the management account, its root user and a root access key, if the store is empty')
  .option('--data <dir>', 'data directory (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) instead of SQLite')
  .action(async (opts: { data?: string; database?: string }) => {
    process.exitCode = await bootstrapCommand(configFromEnv({ dataDir: opts.data, databaseUrl: opts.database }));
  });

program
  .command('events')
  .description('print the audit trail (CloudTrail event records) as JSON lines, newest last')
  .option('--data <dir>', 'data directory (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) instead of SQLite')
  .option('--since <when>', 'only events since a duration ago (30s, 15m, 1h, 7d) or an ISO date')
  .option('--name <eventName>', 'only events of this name (CreateUser, AssumeRole, …)')
  .option('--follow', 'keep printing new events (polled once a second) until interrupted')
  .action(async (opts: { data?: string; database?: string; since?: string; name?: string; follow?: boolean }) => {
    process.exitCode = await eventsCommand(
      configFromEnv({ dataDir: opts.data, databaseUrl: opts.database, logLevel: 'silent' }),
      {
        ...(opts.since !== undefined ? { since: opts.since } : {}),
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        follow: opts.follow ?? false,
      },
    );
  });

program
  .command('policy')
  .description('least-privilege policies from the audit trail')
  .command('generate')
  .description(
    'print the IAM policy (JSON) granting what a user or role (its sessions included) used, as IAM Access Analyzer generates it',
  )
  .requiredOption('--principal <arn>', 'the ARN of the IAM user or role')
  .option('--since <when>', 'from a duration ago (30s, 15m, 1h, 7d) or an ISO date (default: the whole trail)')
  .option('--until <when>', 'up to a duration ago or an ISO date (default: now)')
  .option('--include-denied', 'also grant what the principal was refused')
  .option('--data <dir>', 'data directory (default ./data)')
  .option('--database <url>', 'PostgreSQL store (postgres://…) instead of SQLite')
  .action(
    async (opts: {
      principal: string;
      since?: string;
      until?: string;
      includeDenied?: boolean;
      data?: string;
      database?: string;
    }) => {
      process.exitCode = await policyGenerateCommand(
        configFromEnv({ dataDir: opts.data, databaseUrl: opts.database, logLevel: 'silent' }),
        {
          principal: opts.principal,
          ...(opts.since !== undefined ? { since: opts.since } : {}),
          ...(opts.until !== undefined ? { until: opts.until } : {}),
          includeDenied: opts.includeDenied ?? false,
        },
      );
    },
  );

await program.parseAsync(process.argv);
