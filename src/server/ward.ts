import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Authenticator } from '../auth/authenticate.js';
import type { Authorizer } from '../auth/authorizer.js';
import { AccountStatus } from '../auth/account-status.js';
import { CredentialResolver } from '../auth/credentials.js';
import { LastUsedRecorder } from '../auth/last-used.js';
import { PolicyAuthorizer, type PolicySource } from '../auth/policy-authorizer.js';
import { PolicyEvaluation } from '../auth/policy-evaluation.js';
import { bootstrapOptionsFrom } from '../config/bootstrap-options.js';
import type { WardConfig } from '../config/config.js';
import { loadMasterKey } from '../config/master-key.js';
import { type BootstrapResult, bootstrap, bootstrapKey, bootstrapRootPasswordHash } from '../iam/bootstrap.js';
import { iamQuotas } from '../iam/quotas.js';
import { iamHandlerGroups } from '../iam/handlers/index.js';
import { SecretBox } from '../shared/secret-box.js';
import { SigningKeyCache } from '../sigv4/index.js';
import type { KyselyStore } from '../store/kysely/kysely-store.js';
import { openStore } from '../store/open-store.js';
import { createStsHandlers } from '../sts/handlers.js';
import { createAssumeRootHandler } from '../sts/assume-root.js';
import { type SamlFederationDeps, createSamlHandlers, rolesOffered } from '../sts/saml/assume-role-with-saml.js';
import { createOrganizationsHandlers } from '../organizations/handlers.js';
import { orgIdOfAccount, rcpLevelsForAccount, scpLevelsForAccount } from '../organizations/scp-levels.js';
import { accountError, modelNamed, organizationsError } from '../wire/index.js';
import { createOidcProviderHandlers } from '../iam/handlers/oidc-providers.js';
import { jwksDirSource } from './jwks-dir.js';
import { AuditTrail } from '../audit/trail.js';
import { storeAuditSink } from '../audit/store-sink.js';
import { WorkerAuditSink } from './audit-worker-sink.js';
import { createCloudTrailHandlers } from '../audit/cloudtrail-handlers.js';
import { createAccountHandlers } from '../account/handlers.js';
import { createMailOutbox, outboxDir } from './mail.js';
import type { ApiDeps } from './api.js';
import { applyServerLimits, createRequestListener, serverOptions } from './http.js';
import { createConsoleApp } from '../console/app.js';
import { ClientAddress } from '../shared/client-address.js';
import { PublicOrigin } from '../console/public-origin.js';
import { consolePages } from '../console/pages/index.js';
import { consoleListener } from './console-listener.js';
import { invokeAuthorization, invokeOperation } from './invoke.js';
import { principalOfSession } from '../auth/session-principal.js';
import { federationSignin } from './federation-signin.js';
import {
  completeRootPasswordRecovery,
  listOutbox,
  readOutboxMessage,
  startRootPasswordRecovery,
} from '../account/password-recovery.js';
import { type Logger, createLogger } from './logger.js';
import { BufferedRequestLog, type RequestLog, loggerRequestLog } from './request-log.js';
import { type ServiceDef, type ServiceName, serviceDef } from './services.js';
import { CallMetrics } from './metrics/call-metrics.js';
import { createMetricsRegistry } from './metrics/registry.js';
import { Readiness } from './readiness.js';
import { createGateway } from './gateway-composition.js';
import { emulatorRelaxations, strictlyIncreasing, withDefaultCallerRights } from './emulator-relaxations.js';

export interface WardOptions {
  /** A fixed or fake clock for tests; the wall clock otherwise. */
  clock?: () => Date;
  logger?: Logger;
  /** Where request lines go: through `logger` when one is given, else batched onto stdout. */
  requestLog?: RequestLog;
  authorizer?: Authorizer;
  /** Where OIDC issuers' JWKS files are (default WARD_OIDC_JWKS_DIR); see jwks-dir.ts. */
  oidcJwksDir?: string;
  /** Tests: check every handler output against the service model (see api.ts). */
  checkOutputs?: boolean;
}

export interface RunningWard {
  url: string;
  port: number;
  bootstrap: BootstrapResult;
  store: KyselyStore;
  /** The audit trail (CloudTrail-style event history). */
  audit: AuditTrail;
  /** SQLite in the data directory, or PostgreSQL shared with other nodes (`--database`). */
  backend: 'sqlite' | 'postgres';
  /** The API dispatch behind the listener (in-process benchmarks: bench/handle-api.ts). */
  api: ApiDeps;
  /** What GET /ready answers. */
  readiness: Readiness;
  /** Writes buffered bookkeeping (key last-used) to the store now rather than within the second. */
  flush(): Promise<void>;
  /** Stops accepting connections, lets in-flight requests finish, flushes and closes the store. */
  close(): Promise<void>;
}

/** The composition root: the one place concrete objects are made and wired together. */
export async function startWard(config: WardConfig, options: WardOptions = {}): Promise<RunningWard> {
  // Never built outside emulator mode: every relaxation is off there.
  const relaxations = config.emulator ? emulatorRelaxations(config.accountId) : undefined;
  const baseClock = options.clock ?? (() => new Date());
  const clock = relaxations?.creationOrder ? strictlyIncreasing(baseClock) : baseClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const requestLog =
    options.requestLog ??
    (options.logger ? loggerRequestLog(options.logger) : new BufferedRequestLog(1, config.logLevel));
  const box = new SecretBox(loadMasterKey(config.dataDir));
  const opened = await openStore(config, box, (err, message) => logger.error({ err }, message));
  const store = opened.store;
  const bus = opened.bus;

  // The emulator's reset bootstraps again as of this moment, so it restores this very state.
  const bootstrappedAt = clock();
  const bootstrapped = await bootstrap(store, bootstrapOptionsFrom(config, bootstrappedAt));

  const accountStatus = new AccountStatus(store, bus);
  const resolver = new CredentialResolver(store, bus, undefined, store.sessions, accountStatus);
  const authenticator = new Authenticator(resolver, new SigningKeyCache(), relaxations);
  const evaluation = new PolicyEvaluation();
  const lastUsed = new LastUsedRecorder(store, (err) => logger.error({ err }, 'recording key last-used failed'));

  const onAuditError = (err: unknown, message: string) => logger.error({ err }, message);
  // SQLite: a writer thread of its own builds and appends the records (audit-worker-sink.ts).
  // Each batch is a commit on the trail's own file (audit.sqlite), not the store's: 100 ms bounds
  // the time from a call to its record.
  const auditWriter = opened.sqliteTrailLock
    ? {
        sink: new WorkerAuditSink({
          dataDir: config.dataDir,
          writeLock: opened.sqliteTrailLock.buffer,
          defaultAccountId: config.accountId,
          onError: onAuditError,
        }),
        intervalMs: 100,
      }
    : {
        sink: storeAuditSink({
          events: store,
          defaultAccountId: config.accountId,
          modelOf: modelNamed,
          onError: onAuditError,
        }),
        intervalMs: 50,
      };
  const audit = new AuditTrail({
    ...auditWriter,
    events: store.events,
    clock,
    retentionDays: config.auditRetentionDays,
    onError: onAuditError,
  });
  audit.startRetention();

  const outbox = createMailOutbox(config, logger);
  const samlFederation: SamlFederationDeps = {
    store,
    sessions: store.sessions,
    providers: store.samlProviders,
    assertions: store.samlAssertions,
    accounts: accountStatus,
    // The console's ACS URL (POST /saml), once the listener is bound.
    endpoints: () => (publicOrigin ? [`${publicOrigin.url}/saml`] : []),
  };
  const services = new Map<ServiceName, ServiceDef>([
    [
      'iam',
      serviceDef('iam', 'query', [
        ...iamHandlerGroups({
          store,
          bus,
          quotas: iamQuotas({ UsersPerAccount: config.usersPerAccountQuota }),
          organizations: store.organizations,
          identityProviders: store.oidcProviders,
          samlProviders: store,
          ...(relaxations ? { emulator: relaxations } : {}),
        }),
        createOidcProviderHandlers(store.oidcProviders, relaxations),
      ]),
    ],
    [
      'sts',
      serviceDef(
        'sts',
        'query',
        [
          createStsHandlers({
            store,
            sessions: store.sessions,
            box,
            accounts: accountStatus,
            oidcProviders: store.oidcProviders,
            jwks: jwksDirSource(options.oidcJwksDir ?? process.env.WARD_OIDC_JWKS_DIR),
          }),
          createAssumeRootHandler({ store, sessions: store.sessions, organizations: store.organizations }),
          createSamlHandlers(samlFederation),
        ],
        ['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'],
      ),
    ],
    [
      'organizations',
      serviceDef(
        'organizations',
        'json',
        createOrganizationsHandlers({
          store,
          bus,
          error: organizationsError,
          ...(relaxations ? { emulator: relaxations } : {}),
        }),
      ),
    ],
    [
      'cloudtrail',
      serviceDef('cloudtrail', 'json', createCloudTrailHandlers({ events: store.events, flush: () => audit.flush() })),
    ],
    ['account', serviceDef('account', 'rest-json', createAccountHandlers({ store, outbox, error: accountError }))],
  ]);
  const policySource: PolicySource = {
    effectiveForUser: (id) => store.effectivePolicies.forUser(id),
    userTags: (id) => store.users.tags(id),
    effectiveForRole: (id) => store.effectivePolicies.forRole(id),
    roleTags: (id) => store.roles.tags(id),
    scpsForAccount: (id) => scpLevelsForAccount(store.organizations, id),
    rcpsForAccount: (id) => rcpLevelsForAccount(store.organizations, id),
    orgIdOfAccount: (id) => orgIdOfAccount(store.organizations, id),
  };
  const authorizer =
    options.authorizer ??
    new PolicyAuthorizer(
      relaxations ? withDefaultCallerRights(policySource, relaxations) : policySource,
      bus,
      undefined,
      accountStatus,
      // The one evaluation service (and compile cache) of this process.
      evaluation,
    );
  // Counted only when someone may read them: with WARD_METRICS=off the pipeline skips the step.
  const metrics = config.metrics === 'off' ? undefined : new CallMetrics(services);
  // One address reader for every door: the console, the API and /authorize see the same client.
  const clientAddress = new ClientAddress(config.trustedProxies);
  const api: ApiDeps = {
    services,
    authenticator,
    authorizer,
    lastUsed,
    clock,
    audit,
    clientAddress,
    ...(metrics ? { metrics } : {}),
    ...(options.checkOutputs ? { checkOutputs: true } : {}),
    ...(relaxations ? { emulator: true, relaxations } : {}),
  };

  const emulator = relaxations && {
    relaxations,
    async reset() {
      const key = await bootstrapKey(store);
      const rootPasswordHash = await bootstrapRootPasswordHash(store, config.accountId);
      await lastUsed.flush();
      // Calls already made are stored before the wipe, so none lands after it.
      await audit.flush();
      await store.wipe();
      resolver.clear();
      await bootstrap(store, {
        ...bootstrapOptionsFrom(config, bootstrappedAt),
        ...(key ? { accessKey: key } : {}),
        ...(rootPasswordHash ? { rootPasswordHash } : {}),
      });
    },
  };

  // Set once the listener is bound: the default public URL is the address and port as bound.
  let publicOrigin: PublicOrigin | undefined;
  const consoleApp = createConsoleApp(
    {
      store,
      invoke: ({ service, operation, input, principal, origin, anonymous }) =>
        invokeOperation(api, {
          service,
          operation,
          input,
          origin,
          caller: {
            principal,
            region: 'us-east-1',
            service,
            ...(principal.session ? { accessKeyId: principal.session.accessKeyId } : {}),
            ...(anonymous ? { anonymous: true } : {}),
          },
        }),
      authorizeCall: ({ principal, ...call }) =>
        invokeAuthorization(api, {
          ...call,
          caller: {
            principal,
            region: 'us-east-1',
            service: call.service,
            ...(principal.session ? { accessKeyId: principal.session.accessKeyId } : {}),
          },
        }),
      principalOfSession: (accessKeyId, sessionToken) =>
        principalOfSession(resolver, accessKeyId, sessionToken, clock()),
      saml: { rolesOffered: (samlResponse, now, uuid) => rolesOffered(samlFederation, samlResponse, now, uuid) },
      federation: federationSignin(resolver, box, store),
      audit,
      accountStatus,
      clock,
      managementAccountId: config.accountId,
      emulator: config.emulator,
      rootMfaSkippable: config.consoleRootMfaSkippable,
      sessionHours: config.consoleSessionHours,
      publicOrigin: () => {
        if (!publicOrigin) throw new Error('the console answered before the listener was bound');
        return publicOrigin;
      },
      clientAddress,
      bodyLimit: config.bodyLimit,
      recovery: {
        start: (email, now, baseUrl, origin) =>
          startRootPasswordRecovery(
            { store, outbox, audit, onError: (err, message) => logger.error({ err }, message) },
            email,
            now,
            baseUrl,
            origin,
          ),
        complete: (token, password, now, origin) =>
          completeRootPasswordRecovery({ store, outbox, audit }, token, password, now, origin),
      },
      outbox: { list: () => listOutbox(outboxDir(config)), read: (id) => readOutboxMessage(outboxDir(config), id) },
    },
    consolePages,
  );

  const authorize = {
    authenticator,
    authorizer,
    clock,
    audit,
    ...(metrics ? { metrics } : {}),
    allowLoopbackWithoutToken: config.authorizeAllowLoopbackWithoutToken,
    ...(config.authorizeToken ? { token: config.authorizeToken } : {}),
  };
  const registry =
    metrics &&
    createMetricsRegistry({
      calls: metrics,
      caches: {
        credential: resolver.stats,
        // A custom authorizer (tests) keeps no cache of Ward's.
        ...(authorizer instanceof PolicyAuthorizer ? { policy: authorizer.stats } : {}),
        policy_compile: evaluation.stats,
      },
      auditBacklog: () => audit.backlog(),
      pool: opened.pool,
    });
  let closing = false;
  const readiness = new Readiness({
    ping: opened.ping,
    audit,
    closing: () => closing,
    timeoutMs: config.readyTimeoutMs,
    onChange: (ready, problems, err) => {
      if (ready) logger.info('ready: the store answers and the audit trail records');
      else logger.warn({ ...problems, ...(err ? { err } : {}) }, 'not ready');
    },
  });
  const metricsEndpoint = {
    access: { mode: config.metrics, ...(config.metricsToken ? { token: config.metricsToken } : {}) },
    ...(registry ? { registry } : {}),
  };
  const gateway = createGateway(config, { pipeline: api, clientAddress, bus, store, logger, requestLog });
  const server: Server = createServer(
    serverOptions(config),
    createRequestListener({
      api,
      logger,
      requestLog,
      bodyLimit: config.bodyLimit,
      authorize,
      clientAddress,
      readiness,
      metrics: metricsEndpoint,
      console: consoleListener(consoleApp),
      ...(emulator ? { emulator } : {}),
      ...(gateway ? { gateway } : {}),
    }),
  );
  applyServerLimits(server, config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const port = bound.port;
  publicOrigin = PublicOrigin.of(config.publicUrl, bound.address, port);

  return {
    url: `http://${config.host}:${port}`,
    port,
    bootstrap: bootstrapped,
    store,
    backend: opened.backend,
    audit,
    api,
    readiness,
    flush: async () => {
      await lastUsed.flush();
      await audit.flush();
    },
    async close() {
      // From now on /ready says so, on connections still open, while in-flight requests finish.
      closing = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      gateway?.close();
      await lastUsed.flush();
      await outbox.settled();
      await audit.close();
      await opened.close();
      requestLog.flush();
    },
  };
}
