/**
 * Organizations' policy types as Ward keeps them. SCPs and RCPs are enforced; the others
 * (declarative, tag, backup, AI services opt-out, chat applications) are stored, attached and
 * listed as documents, as their AWS services would read them, but nothing in Ward enforces them.
 */
export const RCP = 'RESOURCE_CONTROL_POLICY';

/**
 * The maximum size of a policy document, in characters, per type ("Quotas and service limits
 * for AWS Organizations", Maximum size of a policy document). Types the page does not name have
 * no limit here.
 */
export const MAX_POLICY_CHARS: Readonly<Record<string, number>> = {
  SERVICE_CONTROL_POLICY: 5120,
  RESOURCE_CONTROL_POLICY: 5120,
  DECLARATIVE_POLICY_EC2: 10_000,
  BACKUP_POLICY: 10_000,
  TAG_POLICY: 10_000,
  CHATBOT_POLICY: 10_000,
  AISERVICES_OPT_OUT_POLICY: 2500,
  SECURITYHUB_POLICY: 10_000,
};

/** AWS's text for ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED (InvalidInput/ConstraintViolation reasons). */
export const POLICY_TOO_LARGE = 'You attempted to create a policy that is larger than the maximum size.';
