import { readFileSync } from 'node:fs';

/** The services whose botocore models live in `src/wire/models/`. */
export type ServiceName = 'iam' | 'sts' | 'organizations' | 'account' | 'cloudtrail';

/** Shape types that occur in AWS service models. */
export type ShapeType =
  'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

/** Timestamp encodings a model can ask for via `timestampFormat`. */
export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

/**
 * A reference from a structure member, list member, map key/value or operation to a named shape.
 * Serialization traits set here override the same traits on the target shape.
 */
export interface ShapeRef {
  shape: string;
  locationName?: string;
  queryName?: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  flattened?: boolean;
  timestampFormat?: TimestampFormat;
  xmlNamespace?: unknown;
  xmlAttribute?: boolean;
  box?: boolean;
  deprecated?: boolean;
  idempotencyToken?: boolean;
  hostLabel?: boolean;
  jsonvalue?: boolean;
  /** Only on operation outputs of Query services: the `<…Result>` element name. */
  resultWrapper?: string;
}

/** The `error` trait of an exception shape. */
export interface ErrorTrait {
  code?: string;
  httpStatusCode?: number;
  senderFault?: boolean;
}

/** One entry of a model's `shapes` map. */
export interface Shape {
  type: ShapeType;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  flattened?: boolean;
  locationName?: string;
  timestampFormat?: TimestampFormat;
  exception?: boolean;
  fault?: boolean;
  error?: ErrorTrait;
  box?: boolean;
  deprecated?: boolean;
  union?: boolean;
  document?: boolean;
}

/** One entry of a model's `operations` map. */
export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  authtype?: string;
  auth?: string[];
  idempotent?: boolean;
  readonly?: boolean;
  deprecated?: boolean;
}

/** The `metadata` block of a model. */
export interface ServiceMetadata {
  apiVersion: string;
  protocol: 'query' | 'json' | 'rest-json' | 'rest-xml' | 'ec2';
  serviceId: string;
  endpointPrefix: string;
  xmlNamespace?: string;
  jsonVersion?: string;
  targetPrefix?: string;
  signingName?: string;
  [key: string]: unknown;
}

/** A trimmed botocore service model (see scripts/trim-models.ts). */
export interface ServiceModel {
  metadata: ServiceMetadata;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

const cache = new Map<ServiceName, ServiceModel>();

/** Loads `src/wire/models/<service>.json` once per process. */
export function loadModel(service: ServiceName): ServiceModel {
  let model = cache.get(service);
  if (!model) {
    const text = readFileSync(new URL(`./models/${service}.json`, import.meta.url), 'utf8');
    model = JSON.parse(text) as ServiceModel;
    cache.set(service, model);
  }
  return model;
}

const SERVICE_NAMES: ReadonlySet<string> = new Set<ServiceName>([
  'iam',
  'sts',
  'organizations',
  'account',
  'cloudtrail',
]);

/** The model of a service named by a string from elsewhere (the audit trail), if Ward has one. */
export function modelNamed(name: string): ServiceModel | undefined {
  return SERVICE_NAMES.has(name) ? loadModel(name as ServiceName) : undefined;
}

/** The named shape; a missing one means a broken model file, so it throws. */
export function getShape(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`${model.metadata.serviceId} model has no shape ${name}`);
  return shape;
}

/** The operation, or undefined so callers can answer with the protocol's own "unknown action" error. */
export function findOperation(model: ServiceModel, name: string): OperationModel | undefined {
  // Own-property check: operation names come straight off the wire ("constructor", "__proto__").
  return Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
}

/** The input structure of an operation, if it takes one. */
export function inputShape(model: ServiceModel, op: OperationModel): Shape | undefined {
  return op.input ? getShape(model, op.input.shape) : undefined;
}

/** The output structure of an operation, if it returns one. */
export function outputShape(model: ServiceModel, op: OperationModel): Shape | undefined {
  return op.output ? getShape(model, op.output.shape) : undefined;
}

/** Whether the list or map behind `ref` is flattened; the trait may sit on the reference or the shape. */
export function isFlattened(ref: ShapeRef, shape: Shape): boolean {
  return ref.flattened ?? shape.flattened ?? false;
}

/** The serialized name of a shape reference: its `locationName`, else the given default. */
export function wireName(ref: ShapeRef, shape: Shape, fallback: string): string {
  return ref.locationName ?? shape.locationName ?? fallback;
}

/** A structure member with everything the codecs look up on every visit, computed once. */
export interface MemberInfo {
  name: string;
  ref: ShapeRef;
  shape: Shape;
  /** Element or key name on the wire (locationName, else member name). */
  wire: string;
  required: boolean;
}

const memberCache = new WeakMap<Shape, MemberInfo[]>();

/** The members of a structure in model order, resolved against their target shapes. */
export function structMembers(model: ServiceModel, shape: Shape): MemberInfo[] {
  let members = memberCache.get(shape);
  if (!members) {
    const required = new Set(shape.required ?? []);
    members = Object.entries(shape.members ?? {}).map(([name, ref]) => {
      const target = getShape(model, ref.shape);
      return { name, ref, shape: target, wire: wireName(ref, target, name), required: required.has(name) };
    });
    memberCache.set(shape, members);
  }
  return members;
}
