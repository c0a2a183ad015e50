import { AwsError } from '../shared/aws-error.js';

/** IAM's error texts, worded as AWS words them. */
export const iamErrors = {
  noSuchUser: (name: string) => new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404),
  userExists: (name: string) => new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`, 409),
  noSuchRole: (name: string) => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404),
  roleExists: (name: string) => new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409),
  /** UpdateRole, DeleteRole, PutRolePolicy… on a service-linked role. */
  unmodifiableRole: (name: string) =>
    new AwsError(
      'UnmodifiableEntity',
      `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
      400,
    ),
  noSuchDeletionTask: (id: string) => new AwsError('NoSuchEntity', `Deletion task ${id} cannot be found.`, 404),
  noSuchInstanceProfile: (name: string) =>
    new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`, 404),
  instanceProfileExists: (name: string) =>
    new AwsError('EntityAlreadyExists', `Instance Profile ${name} already exists.`, 409),
  noSuchGroup: (name: string) => new AwsError('NoSuchEntity', `The group with name ${name} cannot be found.`, 404),
  groupExists: (name: string) => new AwsError('EntityAlreadyExists', `Group with name ${name} already exists.`, 409),
  noSuchAccessKey: (id: string) => new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404),
  aliasExists: (alias: string) =>
    new AwsError('EntityAlreadyExists', `The account alias ${alias} already exists.`, 409),
  noSuchAlias: (alias: string) => new AwsError('NoSuchEntity', `The account alias ${alias} cannot be found.`, 404),
  deleteConflict: (what: string) => new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`, 409),
  quota: (name: string, limit: number) =>
    new AwsError('LimitExceeded', `Cannot exceed quota for ${name}: ${limit}`, 409),
  tooManyTags: () => new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.', 409),
  invalidInput: (message: string) => new AwsError('InvalidInput', message, 400),
  noSuchOidcProvider: (arn: string) =>
    new AwsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`, 404),

  // Policies.
  /** A policy ARN that is not one (InvalidInput, as IAM answers a malformed ARN parameter). */
  invalidArn: (arn: string) => new AwsError('InvalidInput', `ARN ${arn} is not valid.`, 400),
  /** GetPolicy, DeletePolicy, Tag/UntagPolicy, ListPolicyTags, ListPolicyVersions, Detach*Policy. */
  noSuchJob: (jobId: string) => new AwsError('NoSuchEntity', `No job with ID ${jobId} exists.`, 404),
  noSuchPolicy: (arn: string) => new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404),
  /** Attach*Policy and ListEntitiesForPolicy on a policy that does not exist. */
  policyNotAttachable: (arn: string) =>
    new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404),
  noSuchPolicyVersion: (arn: string, versionId: string) =>
    new AwsError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`, 404),
  /** A permissions boundary naming a policy that does not exist. */
  noSuchBoundaryPolicy: (arn: string) =>
    new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`, 404),
  policyExists: (name: string) =>
    new AwsError(
      'EntityAlreadyExists',
      `A policy called ${name} already exists. Duplicate names are not allowed.`,
      409,
    ),
  policyInUse: () => new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.', 409),
  policyHasVersions: () =>
    new AwsError(
      'DeleteConflict',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      409,
    ),
  deleteDefaultVersion: () => new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.', 409),
  versionLimit: (limit: number) =>
    new AwsError(
      'LimitExceeded',
      `A managed policy can have up to ${limit} versions. Before you create a new version, you must delete an existing version.`,
      409,
    ),
  noSuchInlinePolicy: (kind: string, policyName: string) =>
    new AwsError('NoSuchEntity', `The ${kind} policy with name ${policyName} cannot be found.`, 404),
  malformedPolicy: (reason: string) => new AwsError('MalformedPolicyDocument', reason, 400),
  limitExceeded: (message: string) => new AwsError('LimitExceeded', message, 409),
  /** Policy tag keys are case-sensitive, so only exact repeats are duplicates (and the text is shorter than the user one). */
  duplicatePolicyTagKeys: () => new AwsError('InvalidInput', 'Duplicate tag keys found.', 400),
  /** AWS managed policies belong to AWS: no account may change them. */
  awsManagedReadOnly: (principalArn: string, action: string, arn: string) =>
    new AwsError(
      'AccessDenied',
      `User: ${principalArn} is not authorized to perform: ${action} on resource: ${arn}`,
      403,
    ),
};
