/**
 * AWS's MalformedPolicyDocument texts, word for word. Two validators exist at AWS: the IAM
 * policy-language validator (identity policies, boundaries, session policies), and the
 * resource-policy validator that role trust policies share with resource-based policies, which
 * words its failures differently ("Missing required field Principal", "Has prohibited field
 * Resource"). Organizations answers every SCP failure with one text.
 */
export const MSG = {
  syntax: 'Syntax errors in policy.',
  legacy: 'The policy failed legacy parsing',
  versionRequired: 'Policy document must be version 2012-10-17 or greater.',
  noPrincipal: 'Policy document should not specify a principal.',
  needActions: 'Policy statement must contain actions.',
  needResources: 'Policy statement must contain resources.',
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  sidFormat:
    'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  vendorMissing: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  oneColon: 'Actions/Condition can contain only one colon.',
  vendorInvalid: (vendor: string) => `Vendor ${vendor} is not valid`,
  resourceNotArn: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  partition: (partition: string, arn: string) => `Partition "${partition}" is not valid for resource "${arn}".`,
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamRegion: (resource: string) => `IAM resource ${resource} cannot contain region information.`,
  s3Region: (resource: string) => `Resource ${resource} can not contain region information.`,
  iamPath:
    'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',

  // The resource-policy validator (role trust policies and resource-based policies).
  invalidJson: 'This policy contains invalid Json',
  badVersion: 'The policy must contain a valid version string',
  emptyStatement: 'Could not parse the policy: Statement is empty!',
  missingEffect: 'Missing required field Effect',
  invalidEffect: (effect: string) => `Invalid effect: ${effect}`,
  missingPrincipal: 'Missing required field Principal',
  emptyPrincipal: 'Missing required field Principal cannot be empty!',
  principalNotObject: 'Principal must be a JSON object.',
  invalidPrincipalType: (type: string) => `Invalid principal in policy: "${type}"`,
  invalidPrincipal: (type: string, value: string) => `Invalid principal in policy: "${type}":"${value}"`,
  missingAction: 'Missing required field Action',
  missingResource: 'Missing required field Resource',
  trustActions: 'AssumeRole policy may only specify STS AssumeRole actions.',
  trustResource: 'Has prohibited field Resource',
  trustNotResource: 'AssumeRole policy must not contain resources.',
  trustAllowNotPrincipal: 'Allow with NotPrincipal is not allowed.',
  trustNotPrincipal: 'AssumeRole policy must not contain NotPrincipal field.',
  trustDuplicateSid: 'The Statement Ids in the policy are not unique',
  conditionType: (operator: string) => `Invalid Condition type : ${operator}`,

  scp: 'The provided policy document does not meet the requirements of the specified policy type.',
} as const;
