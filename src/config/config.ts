import { isIP } from 'node:net';
import { z } from 'zod';

function isAddressOrCidr(s: string): boolean {
  const [address, prefix, extra] = s.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A list given as repeated flags or as one comma-separated environment variable. */
const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''));

/** Ward's settings: command-line flags first, then environment variables, then these defaults. */
export const configSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65535).default(4599),
    dataDir: z.string().default('./data'),
    /**
     * PostgreSQL instead of SQLite (postgres://user:pass@host:port/db): several Ward nodes may
     * share one database. The master key still comes from WARD_MASTER_KEY or <dataDir>/master.key,
     * and every node must have the same one.
     */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//i, 'the database URL must start with postgres:// or postgresql://')
      .optional(),
    emulator: z.boolean().default(false),
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'WARD_ACCOUNT_ID must be 12 digits')
      .default('123456789012'),
    rootEmail: z.string().default('root@ward.local'),
    /** Root's console password at bootstrap; generated and printed once when absent. */
    rootPassword: z.string().min(8).max(128).optional(),
    bootstrapAccessKeyId: z.string().optional(),
    bootstrapSecretAccessKey: z.string().optional(),
    /** IAM users per account (AWS's default quota is 5000). */
    usersPerAccountQuota: z.coerce.number().int().positive().default(5000),
    /** Callers of POST /authorize must send `Authorization: Bearer <token>`; without it (and the opt-out below) /authorize is closed. */
    authorizeToken: z.string().min(16).optional(),
    /** Lets processes on this host (loopback peers) call /authorize without the token; they hear only the decision. */
    authorizeAllowLoopbackWithoutToken: z.boolean().default(false),
    /**
     * Who may read GET /metrics: `loopback` (processes on this host), `on` (anyone who reaches the
     * port) or `off` (no endpoint). A valid `metricsToken` is accepted in any mode but `off`.
     */
    metrics: z.enum(['off', 'loopback', 'on']).default('loopback'),
    /** Scrapers may send `Authorization: Bearer <token>` to read /metrics from another host. */
    metricsToken: z.string().min(16).optional(),
    /** How long GET /ready waits for the store's trivial query before calling it not ready. */
    readyTimeoutMs: z.coerce.number().int().positive().default(2_000),
    /** Time a client has to send a whole request, headers and body (node's requestTimeout). */
    requestTimeoutMs: z.coerce.number().int().positive().default(30_000),
    /** Time a client has to send the request headers (node's headersTimeout); at most requestTimeoutMs. */
    headersTimeoutMs: z.coerce.number().int().positive().default(10_000),
    /** How long an idle keep-alive connection stays open (AWS's load balancers: 60 s; SDK pools stay under it). */
    keepAliveTimeoutMs: z.coerce.number().int().positive().default(65_000),
    /** Open connections at most; further ones are dropped until some close. */
    maxConnections: z.coerce.number().int().positive().default(2048),
    /** Largest request body accepted, in bytes. */
    bodyLimit: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    /** Days the audit trail keeps events (CloudTrail's event history keeps 90). */
    auditRetentionDays: z.coerce.number().int().positive().default(90),
    /**
     * An SMTP relay for Ward's mail (smtp://user:pass@host:port, `?starttls=1` to require
     * STARTTLS; smtps://… for TLS from the start). Messages still land in <dataDir>/outbox too.
     */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\/[^/?#]+/i, 'the SMTP URL must look like smtp://user:pass@host:port or smtps://host:port')
      .optional(),
    /** The From of Ward's mail (`Name <address>` or `address`). */
    mailFrom: z
      .string()
      .regex(/^[^\r\n]*@[^\r\n]*$/, 'WARD_MAIL_FROM must be an email address, optionally as Name <address>')
      .default('AWS Account (Ward) <no-reply@ward.invalid>'),
    /** Whether root, signed in without MFA, may skip the console's prompt to register a device. */
    consoleRootMfaSkippable: z.boolean().default(true),
    /** Hours a console sign-in lasts (AWS's console session for an IAM user lasts 12). */
    consoleSessionHours: z.coerce.number().positive().max(36).default(12),
    /**
     * The console's canonical origin (https://iam.example.com): every link Ward mails uses it, and
     * the console refuses a Host header that is neither its host nor the listen address. Defaults
     * to the listen address as bound.
     */
    publicUrl: z
      .string()
      .refine((v) => {
        try {
          const u = new URL(v);
          return (
            (u.protocol === 'http:' || u.protocol === 'https:') &&
            u.username === '' &&
            u.password === '' &&
            u.pathname === '/' &&
            u.search === '' &&
            u.hash === ''
          );
        } catch {
          return false;
        }
      }, 'WARD_PUBLIC_URL must be an http(s) origin such as https://iam.example.com, with no path')
      .transform((v) => new URL(v).origin)
      .optional(),
    /**
     * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated); from
     * anyone else the header is ignored. The client is the rightmost address that is not a proxy.
     */
    trustedProxies: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
      .refine(
        (list) => list.every(isAddressOrCidr),
        'WARD_TRUSTED_PROXIES must be IP addresses or CIDRs, comma-separated',
      )
      .default([]),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The gateway's backends (`SERVICE=URL`, `*=URL`); none: Ward serves only its own services. */
    gatewayTargets: commaList.default([]),
    /** Keys the gateway re-signs with (`[SERVICE=]ACCESS_KEY_ID:SECRET`); none: the client's signature passes through. */
    gatewayBackendKeys: commaList.default([]),
    /** `enforce` refuses what IAM denies; `soft` forwards it and records the would-be denial. */
    gatewayMode: z.enum(['enforce', 'soft']).default('enforce'),
    /** Base domains of virtual-hosted S3 (`bucket.<domain>:PORT`). */
    gatewayS3Domains: commaList.default(['localhost']),
    /** Data events recorded: `*`, `none`, or services and SERVICE:Operation, comma-separated. */
    gatewayDataEvents: z.string().default('*'),
    /** Largest body the gateway reads whole (bodies that carry the input, or that only a full read can hash). */
    gatewayBufferLimit: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
    /** The owner of S3 buckets not made through the gateway (default: the bootstrap account). */
    gatewayDefaultBucketOwner: z
      .string()
      .regex(/^\d{12}$/, 'WARD_GATEWAY_DEFAULT_BUCKET_OWNER must be 12 digits')
      .optional(),
    /** Seconds the gateway trusts a backend's resource policy it read (changes through the gateway apply at once). */
    gatewayPolicyCacheSeconds: z.coerce.number().int().min(0).default(60),
  })
  .refine((c) => c.headersTimeoutMs <= c.requestTimeoutMs, {
    message: 'WARD_HEADERS_TIMEOUT_MS must not exceed WARD_REQUEST_TIMEOUT_MS',
    path: ['headersTimeoutMs'],
  });

export type WardConfig = z.infer<typeof configSchema>;

export function configFromEnv(
  flags: Partial<Record<keyof WardConfig, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): WardConfig {
  const fromEnv = {
    port: env.WARD_PORT,
    dataDir: env.WARD_DATA_DIR,
    databaseUrl: env.WARD_DATABASE_URL,
    emulator: env.WARD_EMULATOR === undefined ? undefined : env.WARD_EMULATOR === '1' || env.WARD_EMULATOR === 'true',
    accountId: env.WARD_ACCOUNT_ID,
    rootEmail: env.WARD_ROOT_EMAIL,
    rootPassword: env.WARD_ROOT_PASSWORD,
    consoleRootMfaSkippable:
      env.WARD_CONSOLE_ROOT_MFA_REQUIRED === undefined
        ? undefined
        : !(env.WARD_CONSOLE_ROOT_MFA_REQUIRED === '1' || env.WARD_CONSOLE_ROOT_MFA_REQUIRED === 'true'),
    consoleSessionHours: env.WARD_CONSOLE_SESSION_HOURS,
    bootstrapAccessKeyId: env.WARD_BOOTSTRAP_ACCESS_KEY_ID,
    bootstrapSecretAccessKey: env.WARD_BOOTSTRAP_SECRET_ACCESS_KEY,
    logLevel: env.WARD_LOG_LEVEL,
    usersPerAccountQuota: env.WARD_QUOTA_USERS_PER_ACCOUNT,
    authorizeToken: env.WARD_AUTHORIZE_TOKEN,
    authorizeAllowLoopbackWithoutToken:
      env.WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN === undefined
        ? undefined
        : env.WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN === '1' ||
          env.WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN === 'true',
    metrics: env.WARD_METRICS,
    metricsToken: env.WARD_METRICS_TOKEN,
    readyTimeoutMs: env.WARD_READY_TIMEOUT_MS,
    requestTimeoutMs: env.WARD_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: env.WARD_HEADERS_TIMEOUT_MS,
    keepAliveTimeoutMs: env.WARD_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: env.WARD_MAX_CONNECTIONS,
    auditRetentionDays: env.WARD_AUDIT_RETENTION_DAYS,
    smtpUrl: env.WARD_SMTP_URL,
    mailFrom: env.WARD_MAIL_FROM,
    publicUrl: env.WARD_PUBLIC_URL,
    trustedProxies: env.WARD_TRUSTED_PROXIES,
    gatewayTargets: env.WARD_GATEWAY_TARGETS,
    gatewayBackendKeys: env.WARD_GATEWAY_BACKEND_KEYS,
    gatewayMode: env.WARD_GATEWAY_MODE,
    gatewayS3Domains: env.WARD_GATEWAY_S3_DOMAINS,
    gatewayDataEvents: env.WARD_GATEWAY_DATA_EVENTS,
    gatewayBufferLimit: env.WARD_GATEWAY_BUFFER_LIMIT,
    gatewayDefaultBucketOwner: env.WARD_GATEWAY_DEFAULT_BUCKET_OWNER,
    gatewayPolicyCacheSeconds: env.WARD_GATEWAY_POLICY_CACHE_SECONDS,
  };
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fromEnv)) if (v !== undefined && v !== '') merged[k] = v;
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) merged[k] = v;
  return configSchema.parse(merged);
}
