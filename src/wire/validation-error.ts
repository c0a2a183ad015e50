import { AwsError } from '../shared/aws-error.js';
import { modelError } from './errors.js';
import { organizationsInvalidInput } from './json/organizations-invalid-input.js';
import type { ServiceModel, Shape } from './model.js';

/** Which constraint an input value broke. `type` is a value the decoder could not read as its shape's type. */
export type ConstraintKind =
  'required' | 'minLength' | 'maxLength' | 'minValue' | 'maxValue' | 'pattern' | 'enum' | 'type';

/** One failed constraint, already worded the way AWS words it. */
export interface ValidationIssue {
  kind: ConstraintKind;
  /** AWS's member path: `userName`, `tags.1.member.key`, `policyArns.2.member.arn`. */
  path: string;
  /** `Value 'bob!' at 'userName' failed to satisfy constraint: Member must …` */
  message: string;
}

/** How the offending value is shown; AWS differs by service and protocol stack, so the callers decide per service. */
export interface ValueStyle {
  /**
   * Query services (IAM, STS) leave numbers out: IAM answers `Value at 'maxSessionDuration' failed to …`
   * for CreateRole MaxSessionDuration=1000000, while JSON services print `Value '100' at 'maxResults'`.
   */
  showNumbers: boolean;
  /**
   * IAM leaves strings out too, top-level members and list members alike (AWS recorded 2025:
   * `Value at 'serviceSpecificCredentialId' failed to satisfy constraint: …` for
   * 'totally-wrong-credential-id-with-hyphens'; `Value at 'tags.4.member.value'`, `Value at 'roleName'`);
   * STS still prints them (`Value 'Session1:2' at 'roleSessionName'`, recorded 2025).
   */
  showStrings: boolean;
  /** IAM's enum sentence stops at "Member must satisfy enum value set" (recorded 2025); others list the set. */
  listEnumValues: boolean;
}

/** The style of a value the decoder could not read: the raw text is what failed, so it is shown. */
export const SHOW_ALL: ValueStyle = { showNumbers: true, showStrings: true, listEnumValues: true };

/** Path segment for a structure member: AWS lowercases the first letter (`UserName` → `userName`). */
export function memberPath(parent: string, memberName: string): string {
  const segment = memberName.charAt(0).toLowerCase() + memberName.slice(1);
  return parent ? `${parent}.${segment}` : segment;
}

/** Path of the n-th (1-based) element of a list, as in `tags.1.member`. */
export function listItemPath(parent: string, index: number): string {
  return `${parent}.${index}.member`;
}

function isScalar(v: unknown): v is string | number | boolean | bigint {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'bigint';
}

/**
 * `Value 'x'`, `Value null` or bare `Value`. Sensitive shapes (passwords, private keys) never echo
 * their value; neither do composite values, which AWS prints as opaque Java object dumps.
 */
export function describeValue(value: unknown, shape: Shape, style: ValueStyle): string {
  if (value === undefined || value === null) return 'Value null';
  if (shape.sensitive) return 'Value';
  if (typeof value === 'number' || typeof value === 'bigint') return style.showNumbers ? `Value '${value}'` : 'Value';
  if (!style.showStrings) return 'Value';
  if (isScalar(value)) return `Value '${value}'`;
  if (Array.isArray(value) && value.every(isScalar)) return `Value '[${value.join(', ')}]'`;
  return 'Value';
}

/** Words one issue. `constraint` is the text after `Member must `. */
export function issue(
  kind: ConstraintKind,
  path: string,
  value: unknown,
  shape: Shape,
  style: ValueStyle,
  constraint: string,
): ValidationIssue {
  const message = `${describeValue(value, shape, style)} at '${path}' failed to satisfy constraint: Member must ${constraint}`;
  return { kind, path, message };
}

/** `1 validation error detected: …` / `2 validation errors detected: …; …` */
export function validationMessage(issues: readonly ValidationIssue[]): string {
  const n = issues.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.map((i) => i.message).join('; ')}`;
}

/** The value style a service's protocol uses. */
export function valueStyleFor(model: ServiceModel): ValueStyle {
  const iam = model.metadata.endpointPrefix === 'iam';
  return { showNumbers: model.metadata.protocol !== 'query', showStrings: !iam, listEnumValues: !iam };
}

/** Reason codes the JSON services' validation exceptions carry, by constraint, in order of preference. */
const REASONS: Record<ConstraintKind, string[]> = {
  required: ['INPUT_REQUIRED', 'fieldValidationFailed'],
  minLength: ['MIN_LENGTH_EXCEEDED', 'fieldValidationFailed'],
  maxLength: ['MAX_LENGTH_EXCEEDED', 'fieldValidationFailed'],
  minValue: ['MIN_VALUE_EXCEEDED', 'fieldValidationFailed'],
  maxValue: ['MAX_VALUE_EXCEEDED', 'fieldValidationFailed'],
  pattern: ['INVALID_PATTERN', 'fieldValidationFailed'],
  enum: ['INVALID_ENUM', 'fieldValidationFailed'],
  type: ['fieldValidationFailed'],
};

/** The JSON services' own validation exception: the Account service's, else Organizations' style. */
const JSON_VALIDATION_SHAPES = ['ValidationException', 'InvalidInputException'];

/**
 * The error AWS answers a failed validation with. Query services: `ValidationError`, 400.
 * JSON services: their modeled validation exception (Organizations `InvalidInputException` with a `Reason`,
 * Account `ValidationException` with a `reason`), else a bare `ValidationException`.
 */
export function validationErrorFor(model: ServiceModel, issues: readonly ValidationIssue[]): AwsError {
  const message = validationMessage(issues);
  if (model.metadata.protocol === 'query') return new AwsError('ValidationError', message, 400, 'Sender');
  if (model.metadata.endpointPrefix === 'organizations' && model.shapes.InvalidInputException?.exception) {
    const { message: text, reason } = organizationsInvalidInput(issues);
    return modelError(model, 'InvalidInputException', text, { Reason: reason });
  }
  const shapeName = JSON_VALIDATION_SHAPES.find((n) => model.shapes[n]?.exception);
  if (!shapeName) return new AwsError('ValidationException', message, 400, 'Sender');
  return modelError(model, shapeName, message, reasonFields(model, shapeName, issues[0]?.kind ?? 'type'));
}

function reasonFields(model: ServiceModel, shapeName: string, kind: ConstraintKind): Record<string, unknown> {
  const members = model.shapes[shapeName]?.members ?? {};
  const member = 'Reason' in members ? 'Reason' : 'reason' in members ? 'reason' : undefined;
  const allowed = member ? model.shapes[members[member]!.shape]?.enum : undefined;
  const reason = allowed && REASONS[kind].find((r) => allowed.includes(r));
  return member && reason ? { [member]: reason } : {};
}
