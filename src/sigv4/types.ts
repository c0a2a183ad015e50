/** A request as received by the server, bytes untouched. */
export interface IncomingSignedRequest {
  /** HTTP method as on the request line, e.g. `GET`, `POST`. */
  method: string;
  /**
   * Path exactly as on the wire (percent-encoded as the client sent it), without the query.
   * Non-ASCII characters, if a client sent raw bytes, are expected as their UTF-8 decoding
   * (Node's `req.url` is latin1-decoded: use `Buffer.from(url, 'latin1').toString('utf8')`).
   */
  rawPath: string;
  /** Query string exactly as on the wire, without the leading `?`; may be `''`. */
  rawQuery: string;
  /** Raw header pairs in received order (Node's `req.rawHeaders`, paired), names in original case. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** Lowercase hex SHA-256 of the body bytes (the caller hashes the body). */
  payloadSha256Hex: string;
}

/** A request's head: everything but the body (what a verifier of a still-unread body sees). */
export type SignedRequestHead = Omit<IncomingSignedRequest, 'payloadSha256Hex'>;

/** The SigV4 authentication data a request carries, from its Authorization header or presigned query. */
export interface ParsedAuthorization {
  /** `header`: Authorization header; `query`: presigned URL (`X-Amz-*` query parameters). */
  kind: 'header' | 'query';
  accessKeyId: string;
  /** Credential scope date, `YYYYMMDD`. */
  scopeDate: string;
  region: string;
  service: string;
  /** Signed header names, lowercased, in the order the client listed them. */
  signedHeaders: string[];
  /** Signature as sent (hex). */
  signature: string;
  /** Request time `YYYYMMDDTHHMMSSZ`, from X-Amz-Date (header or param) or a parsed Date header. */
  amzDate: string;
  /** X-Amz-Security-Token header, or query parameter for presigned requests. */
  securityToken?: string;
  /** Presigned only: X-Amz-Expires in seconds. */
  expiresSeconds?: number;
}

/** Error codes the SigV4 layer can produce (IAM/STS wire codes). */
export type AuthFailureCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'SignatureDoesNotMatch'
  | 'InvalidClientTokenId'
  | 'AccessDenied';

/** An authentication failure as data; `status` is the HTTP status AWS uses for `code`. */
export type AuthFailure = { ok: false; code: AuthFailureCode; message: string; status: number };
