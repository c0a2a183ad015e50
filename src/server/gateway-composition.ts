import type { WardConfig } from '../config/config.js';
import { parseBackendKeys } from '../gateway/backend-keys.js';
import { DataEventSelectors } from '../gateway/data-events.js';
import { BackendClient } from '../gateway/forward.js';
import { ResourceCache } from '../gateway/resource-cache.js';
import { parseGatewayTargets } from '../gateway/targets.js';
import type { CacheBus } from '../shared/cache-bus.js';
import type { ClientAddress } from '../shared/client-address.js';
import type { KyselyStore } from '../store/kysely/kysely-store.js';
import type { GatewayDoorDeps } from './gateway-door.js';
import { gatewayQuestions, gatewayRouting } from './gateway-model.js';
import type { Logger } from './logger.js';
import type { RequestLog } from './request-log.js';
import type { PipelineDeps } from './pipeline.js';

/** The gateway, when `--gateway-target` names a backend; undefined otherwise (Ward serves only itself). */
export function createGateway(
  config: WardConfig,
  parts: {
    pipeline: PipelineDeps;
    clientAddress: ClientAddress;
    bus: CacheBus;
    store: KyselyStore;
    logger: Logger;
    requestLog: RequestLog;
  },
): (GatewayDoorDeps & { close(): void }) | undefined {
  const targets = parseGatewayTargets(config.gatewayTargets);
  if (targets.empty) return undefined;
  const client = new BackendClient();
  const { logger } = parts;
  return {
    pipeline: parts.pipeline,
    clientAddress: parts.clientAddress,
    routing: gatewayRouting,
    questions: gatewayQuestions,
    targets,
    client,
    backendCredentials: parseBackendKeys(config.gatewayBackendKeys),
    mode: config.gatewayMode,
    s3Domains: config.gatewayS3Domains,
    bufferLimit: config.gatewayBufferLimit,
    resources: new ResourceCache<unknown>(parts.bus, config.gatewayPolicyCacheSeconds * 1000),
    bucketOwners: parts.store.bucketOwners,
    defaultBucketOwner: config.gatewayDefaultBucketOwner ?? config.accountId,
    dataEvents: new DataEventSelectors(config.gatewayDataEvents),
    logWouldDeny: (entry) => logger.warn(entry, 'gateway (soft mode): IAM would deny this call; forwarded'),
    logError: (err, message) => logger.error({ err }, message),
    requestLog: parts.requestLog,
    close: () => client.close(),
  };
}
