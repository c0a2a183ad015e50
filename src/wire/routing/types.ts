/**
 * The gateway's view of a request to any AWS service (issue 14): which service and operation it
 * names, by botocore's models, and the input members the request carries. Pure data; the
 * routing code (wire/routing/) fills it, the IAM mapping (gateway/iam-questions/) reads it.
 */

/** A request before its body is read: what routing may look at. */
export interface RequestHead {
  /** HTTP method as on the request line. */
  method: string;
  /** The path exactly as on the wire (percent-encoded), without the query. */
  rawPath: string;
  /** The query string as on the wire, without `?`; may be `''`. */
  rawQuery: string;
  /** Raw header pairs in received order, names in original case (Host included). */
  headers: ReadonlyArray<readonly [string, string]>;
}

/** The wire protocols botocore's models name (metadata.protocol). */
export type WireProtocol = 'query' | 'ec2' | 'json' | 'rest-json' | 'rest-xml' | 'smithy-rpc-v2-cbor';

/** The service and operation a request names, and the input it carries. */
export interface IdentifiedOperation {
  /** botocore's service name (its data directory): `s3`, `dynamodb`, `cloudwatch`, `logs`… */
  service: string;
  /** The SigV4 signing name (credential scope service): `s3`, `dynamodb`, `monitoring`… */
  signingName: string;
  protocol: WireProtocol;
  /** The operation's name in the model: `ListObjectsV2`, `SendMessage`, `PutItem`. */
  operation: string;
  /**
   * Input members by the model's member names (`Bucket`, `Key`, `QueueUrl`, `TableName`), as far
   * as the request carries them: the URI's labels, the query string and headers, and, once
   * `decodeBody` has run, the body's members. Strings stay strings; lists, maps and structures
   * are decoded as the protocol encodes them.
   */
  input: Record<string, unknown>;
  /**
   * Whether the body carries input members (JSON, Query, a REST structure payload): the gateway
   * reads it, bounded, before asking IAM. False when the body is a blob or streaming payload
   * (S3 PutObject, Lambda Invoke), which the gateway streams unread.
   */
  bodyHoldsInput: boolean;
}
