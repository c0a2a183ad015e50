import type { WireProtocol } from '../../wire/routing/types.js';

/** One service as the gateway routes it (scripts/trim-gateway-routes.ts, from botocore's models). */
export interface ServiceRoutes {
  /** botocore's name (its data directory). */
  service: string;
  /** The protocols its clients may speak, preferred first (CloudWatch: RPCv2 CBOR, JSON, Query). */
  protocols: WireProtocol[];
  signingName: string;
  endpointPrefix: string;
  /** JSON protocols' `X-Amz-Target` prefix (`DynamoDB_20120810`). */
  targetPrefix?: string;
  /** The Query protocol's `Version`. */
  apiVersion?: string;
  operations: Record<string, OperationRoute>;
}

export interface OperationRoute {
  /** REST protocols: the method and URI template (`/{Bucket}/{Key+}?uploads`). */
  method?: string;
  uri?: string;
  /** Input members outside the body: [member, location (uri|querystring|header|headers), wire name]. */
  located?: Array<[string, string, string]>;
  /** Query parameters the operation requires: their absence rules the operation out. */
  requiredQuery?: string[];
  /** Headers the operation requires (lowercase), likewise. */
  requiredHeaders?: string[];
  /** A deprecated operation loses a tie with its successor on the same URI (GetBucketLifecycle). */
  deprecated?: boolean;
  /** The member that is the body: a structure (read for its members) or a blob/stream (never read). */
  payload?: [string, 'blob' | 'structure'];
  /** Members travel in the body as a document (REST-JSON/REST-XML without a payload member). */
  body?: boolean;
}
