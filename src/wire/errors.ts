import { AwsError } from '../shared/aws-error.js';
import type { AccountErrorShape } from './generated/account.js';
import type { IamErrorShape } from './generated/iam.js';
import type { OrganizationsErrorShape } from './generated/organizations.js';
import type { StsErrorShape } from './generated/sts.js';
import { getShape, loadModel } from './model.js';
import type { ServiceModel, Shape } from './model.js';

/**
 * An AwsError that knows which modeled exception it is, and carries that exception's extra members
 * (e.g. Organizations' `Reason`) so the JSON protocols can put them in the body.
 */
export class ModeledAwsError extends AwsError {
  /** The exception shape name in the service model, e.g. `NoSuchEntityException`. */
  readonly shape: string;
  /** Modeled members besides the message, keyed by member name. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The member that carries the message: Organizations says `Message`, the Account service `message`. */
  readonly messageMember: string;

  constructor(
    shape: string,
    identity: ErrorIdentity,
    message: string,
    fields: Record<string, unknown> = {},
    messageMember = 'Message',
  ) {
    super(identity.code, message, identity.status, identity.fault);
    this.shape = shape;
    this.fields = fields;
    this.messageMember = messageMember;
  }
}

/** Code, status and fault of an exception shape, as the service puts them on the wire. */
export interface ErrorIdentity {
  code: string;
  status: number;
  fault: 'Sender' | 'Receiver';
}

/**
 * Reads the wire identity off an exception shape. The `error` trait wins; shapes without one
 * (all of Organizations, a few IAM ones) go out under their shape name with 400, or 500 for server faults.
 */
export function errorIdentity(shapeName: string, shape: Shape): ErrorIdentity {
  const trait = shape.error;
  const serverFault = trait ? trait.senderFault !== true : shape.fault === true;
  return {
    code: trait?.code ?? shapeName,
    status: trait?.httpStatusCode ?? (serverFault ? 500 : 400),
    fault: serverFault ? 'Receiver' : 'Sender',
  };
}

/** Builds the error for a modeled exception shape. Throws on an unknown shape: that is a handler bug. */
export function modelError(
  model: ServiceModel,
  shapeName: string,
  message: string,
  fields?: Record<string, unknown>,
): ModeledAwsError {
  const shape = getShape(model, shapeName);
  if (!shape.exception) throw new Error(`${shapeName} is not an exception shape`);
  const messageMember = shape.members && 'message' in shape.members ? 'message' : 'Message';
  return new ModeledAwsError(shapeName, errorIdentity(shapeName, shape), message, fields, messageMember);
}

/** `iamError('NoSuchEntityException', 'The user with name bob cannot be found.')` → NoSuchEntity, 404. */
export function iamError(shape: IamErrorShape, message: string): ModeledAwsError {
  return modelError(loadModel('iam'), shape, message);
}

/** An STS modeled error, e.g. `stsError('ExpiredTokenException', '…')`. */
export function stsError(shape: StsErrorShape, message: string): ModeledAwsError {
  return modelError(loadModel('sts'), shape, message);
}

/**
 * An Organizations modeled error. Some carry a `Reason` (InvalidInputException, ConstraintViolationException,
 * HandshakeConstraintViolationException, AccessDeniedForDependencyException); pass it in `fields`.
 */
export function organizationsError(
  shape: OrganizationsErrorShape,
  message: string,
  fields?: Record<string, unknown>,
): ModeledAwsError {
  return modelError(loadModel('organizations'), shape, message, fields);
}

/** An Account service modeled error; ValidationException takes `reason`/`fieldList` in `fields`. */
export function accountError(
  shape: AccountErrorShape,
  message: string,
  fields?: Record<string, unknown>,
): ModeledAwsError {
  return modelError(loadModel('account'), shape, message, fields);
}
