/**
 * The AWS wire protocols, driven by the botocore models in `models/`: Query (IAM, STS) and JSON 1.1
 * (Organizations) decoding and serialization, model-based input validation, and modeled errors.
 */
export {
  ModeledAwsError,
  accountError,
  errorIdentity,
  iamError,
  modelError,
  organizationsError,
  stsError,
} from './errors.js';
export type { ErrorIdentity } from './errors.js';
export { decodeJsonInput, serializeJsonError, serializeJsonResponse } from './json-protocol.js';
export { findOperation, getShape, inputShape, loadModel, modelNamed, outputShape, structMembers } from './model.js';
export type {
  MemberInfo,
  OperationModel,
  ServiceMetadata,
  ServiceModel,
  ServiceName,
  Shape,
  ShapeRef,
  ShapeType,
} from './model.js';
export { compilePattern, matchesPattern } from './patterns.js';
export {
  decodeRestJsonInput,
  findRestOperation,
  serializeRestJsonError,
  serializeRestJsonResponse,
} from './rest-json.js';
export type { RestJsonResponse } from './rest-json.js';
export { decodeQueryInput } from './query-decode.js';
export { serializeQueryError, serializeQueryResponse } from './query-serialize.js';
export { formatIso8601, parseTimestamp } from './timestamps.js';
export { collectOutputIssues, collectValidationIssues, validateInput } from './validate.js';
export { validationErrorFor, validationMessage } from './validation-error.js';
export type { ConstraintKind, ValidationIssue } from './validation-error.js';
export { escapeXml } from './xml-escape.js';
