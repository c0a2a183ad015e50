import { AwsError } from '../../shared/aws-error.js';

/** Error texts of the credential operations (MFA, passwords, certificates, SSH keys, reports). */
export const credentialErrors = {
  noSuchMfa: (serial: string) =>
    new AwsError('NoSuchEntity', `MFA Device with serial number ${serial} does not exist.`, 404),
  mfaExists: () => new AwsError('EntityAlreadyExists', 'MFA device already exists.', 409),
  mfaInUse: () => new AwsError('EntityAlreadyExists', 'MFA Device is already in use.', 409),
  mfaInvalidForUser: () => new AwsError('NoSuchEntity', 'MFA Device invalid for user.', 404),
  mfaDeleteInUse: () => new AwsError('DeleteConflict', 'MFA VirtualDevice in use. Must deactivate first.', 409),
  invalidCode: () => new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403),
  noSuchLoginProfile: (name: string) =>
    new AwsError('NoSuchEntity', `Login Profile for User ${name} cannot be found.`, 404),
  loginProfileExists: (name: string) =>
    new AwsError('EntityAlreadyExists', `Login Profile for user ${name} already exists.`, 409),
  /** GetAccountPasswordPolicy with none set. */
  noPasswordPolicy: (accountId: string) =>
    new AwsError('NoSuchEntity', `The Password Policy with domain name ${accountId} cannot be found.`, 404),
  /** DeleteAccountPasswordPolicy with none set: AWS words this one as the account policy's name, not the domain's. */
  noPasswordPolicyToDelete: () =>
    new AwsError('NoSuchEntity', 'The account policy with name PasswordPolicy cannot be found.', 404),
  passwordPolicy: (message: string) => new AwsError('PasswordPolicyViolation', message, 400),
  oldPasswordIncorrect: () => new AwsError('InvalidUserType', 'The old password was incorrect', 400),
  notAnIamUser: () =>
    new AwsError('InvalidUserType', 'Only IAM users can change their own password with ChangePassword.', 400),
  passwordExpired: () =>
    new AwsError(
      'EntityTemporarilyUnmodifiable',
      'The password has expired and can only be reset by an administrator.',
      409,
    ),
  unrecognizedEncoding: () =>
    new AwsError(
      'UnrecognizedPublicKeyEncoding',
      'The public key encoding format is unsupported or unrecognized.',
      400,
    ),
  malformedCertificate: () =>
    new AwsError(
      'MalformedCertificate',
      'Unable to parse certificate. Please ensure the certificate is in PEM format.',
      400,
    ),
  duplicateCertificate: () => new AwsError('DuplicateCertificate', 'The Certificate already exists.', 409),
  noSuchCertificate: (id: string) =>
    new AwsError('NoSuchEntity', `The Certificate with id ${id} cannot be found.`, 404),
  invalidPublicKey: () => new AwsError('InvalidPublicKey', 'The public key is not valid.', 400),
  duplicateSshKey: () => new AwsError('DuplicateSSHPublicKey', 'The SSH public key already exists.', 400),
  noSuchSshKey: (id: string) => new AwsError('NoSuchEntity', `The Public Key with id ${id} cannot be found.`, 404),
  reportNotPresent: () => new AwsError('ReportNotPresent', 'Credential report not present.', 410),
  reportExpired: () => new AwsError('ReportExpired', 'Credential report is expired.', 410),
  noSuchJob: (jobId: string) => new AwsError('NoSuchEntity', `Job with id ${jobId} cannot be found.`, 404),
};
