import type { AwsError } from '../shared/aws-error.js';
import type { SigningCredentials } from '../sigv4/index.js';
import type { IdentifiedOperation, RequestHead, WireProtocol } from '../wire/routing/types.js';
import type { Facts, QuestionsResult, Scope } from './iam-questions/index.js';
import type { BucketOwnerRepo } from './bucket-owners.js';
import type { DataEventSelectors } from './data-events.js';
import type { BackendClient } from './forward.js';
import type { ResourceCache } from './resource-cache.js';
import type { GatewayTargets } from './targets.js';

/** The service a request names, as the gateway routes, signs, records and answers for it. */
export interface RoutedService {
  /** Its names, any of which `--gateway-target` may use: botocore's, the signing name, the endpoint prefix. */
  names: readonly string[];
  signingName: string;
  /** The name CloudTrail's eventSource and the error tables use (`s3`, `sqs`, `monitoring`). */
  eventService: string;
  protocol: WireProtocol;
  /** S3 addressed virtual-hosted style (`bucket.localhost`): the bucket the Host named. */
  virtualHostedBucket?: string;
  /** The routing's own handle on the service's model. */
  model: unknown;
}

export type Routed<T> = { ok: true } & T;
export type RoutingFailure = { ok: false; error: AwsError };

/** Request → service and operation by botocore's models (wire/routing). */
export interface GatewayRouting {
  service(
    head: RequestHead,
    s3Domains: readonly string[],
  ): Routed<{ route: RoutedService }> | (RoutingFailure & { service: string; protocol: WireProtocol });
  operation(head: RequestHead, route: RoutedService): Routed<{ op: IdentifiedOperation }> | RoutingFailure;
  decodeBody(
    op: IdentifiedOperation,
    head: RequestHead,
    body: Buffer,
    route: RoutedService,
  ): Routed<{ op: IdentifiedOperation }> | RoutingFailure;
}

/** Operation → IAM questions by the Service Authorization Reference (gateway/iam-questions). */
export interface GatewayQuestions {
  /** The questions for the call, given the facts the backend answered so far (`missingFacts`: ask again with them). */
  authorizationQuestions(op: IdentifiedOperation, scope: Scope, facts: Facts): Promise<QuestionsResult>;
}

export interface GatewayDeps {
  routing: GatewayRouting;
  questions: GatewayQuestions;
  targets: GatewayTargets;
  client: BackendClient;
  /** The configured backend key for a service (re-signing); undefined: the client's signature passes through. */
  backendCredentials(names: readonly string[]): SigningCredentials | undefined;
  /** `enforce` refuses what IAM denies; `soft` forwards it, logged and recorded as a would-be denial. */
  mode: 'enforce' | 'soft';
  /** Base domains of virtual-hosted S3 (`bucket.<domain>`). */
  s3Domains: readonly string[];
  /** Largest body the gateway reads whole (input-bearing bodies, unsigned payload hashes). */
  bufferLimit: number;
  /** What the backends said of their resources, by `<kind> <arn>`: policies, tags, key schemas… */
  resources: ResourceCache<unknown>;
  bucketOwners: BucketOwnerRepo;
  /** The owner of a bucket made behind the gateway's back. */
  defaultBucketOwner: string;
  dataEvents: DataEventSelectors;
}
