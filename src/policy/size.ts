/**
 * Characters counted against IAM size quotas: AWS does not count whitespace ("IAM and AWS STS
 * quotas": "IAM doesn't count white space when calculating the size of a policy"). Whitespace
 * inside JSON strings is content, not layout, so it is counted.
 */
export function policySizeForQuota(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      n++;
      if (c === 0x5c /* \ */) {
        i++;
        if (i < text.length) n++;
      } else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x22) inString = true;
    n++;
  }
  return n;
}

/**
 * LimitExceeded text for a single document over its quota, in the form AWS uses for managed
 * policies and trust policies: "Cannot exceed quota for PolicySize: 6144" (quota name
 * `ACLSizePerRole` for a trust policy). Undefined when the document fits.
 */
export function checkPolicySize(
  text: string,
  limit: number,
  quota: 'PolicySize' | 'ACLSizePerRole' = 'PolicySize',
): string | undefined {
  return policySizeForQuota(text) > limit ? `Cannot exceed quota for ${quota}: ${limit}` : undefined;
}

/**
 * LimitExceeded text when the inline policies of a user, group or role together exceed their
 * aggregate quota: "Maximum policy size of 2048 bytes exceeded for user alice".
 */
export function inlinePolicySizeMessage(entity: 'user' | 'group' | 'role', name: string, limit: number): string {
  return `Maximum policy size of ${limit} bytes exceeded for ${entity} ${name}`;
}
