import type { ServiceModel, Shape } from '../wire/model.js';

/** What CloudTrail writes in place of a secret. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * Members that hold secrets whatever the model says: the models mark passwords, secret keys and
 * private keys `sensitive`, but not session tokens or MFA codes.
 */
const SECRET_MEMBERS = new Set([
  'SecretAccessKey',
  'SessionToken',
  'Password',
  'OldPassword',
  'NewPassword',
  'PrivateKey',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  'Base32StringSeed',
  'QRCodePNG',
  'SAMLAssertion',
  'WebIdentityToken',
  'ServicePassword',
  'ServiceSpecificCredential',
]);

/**
 * A JSON-safe copy of an operation's input or output for the audit record: every member whose
 * shape the model marks `sensitive` (found recursively through structures, lists and maps), and
 * every member in SECRET_MEMBERS, becomes HIDDEN; keys take CloudTrail's lower camel case.
 */
export function redact(model: ServiceModel | undefined, shapeName: string | undefined, value: unknown): unknown {
  const shape = model && shapeName ? model.shapes[shapeName] : undefined;
  return walk(model, shape, value, 0);
}

function walk(model: ServiceModel | undefined, shape: Shape | undefined, value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (depth > 32) return null;
  if (shape?.sensitive) return HIDDEN;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) {
    const member = shape?.member && model ? model.shapes[shape.member.shape] : undefined;
    return value.map((v) => walk(model, member, v, depth + 1));
  }
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    let target: Shape | undefined;
    if (shape?.type === 'map') target = shape.value && model ? model.shapes[shape.value.shape] : undefined;
    else {
      const ref = shape?.members?.[key];
      target = ref && model ? model.shapes[ref.shape] : undefined;
      if (SECRET_MEMBERS.has(key)) {
        out[camel(key)] = HIDDEN;
        continue;
      }
    }
    out[shape?.type === 'map' ? key : camel(key)] = walk(model, target, v, depth + 1);
  }
  return out;
}

const camel = (key: string): string => (key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key);
