import type { UserPrincipal } from './principal.js';

/**
 * What `--emulator` relaxes, toward what moto-based test suites rely on. Built once in server/
 * composition (server/emulator-relaxations.ts) and handed to the parts it changes; outside
 * emulator mode it does not exist, so every relaxation is off. Each one stays fail-closed: what is
 * accepted but not understood is stored, never honoured.
 */
export interface EmulatorRelaxations {
  /**
   * The caller an unknown access key acts as: an IAM user with full rights in the default
   * account (moto's `user/moto`). A user, not root, so it may assume roles.
   */
  defaultCaller: UserPrincipal;
  /**
   * Trust policies that are not valid policy JSON are stored verbatim (moto keeps any string);
   * AssumeRole, AssumeRoleWithWebIdentity and the like refuse such a role (AccessDenied).
   */
  verbatimTrustPolicies: boolean;
  /**
   * Per service, model shape name → the pattern checked instead of the model's: moto checks no
   * name or path pattern. Names still may not hold `/`, `:` or control characters, and paths
   * still begin and end with `/`, so every ARN keeps its structure.
   */
  patterns: Readonly<Partial<Record<string, Readonly<Record<string, string>>>>>;
  /** CreateOpenIDConnectProvider takes an `http://` issuer URL (AWS: https only, ValidationError). */
  httpOidcIssuers: boolean;
  /**
   * UploadSSHPublicKey and UploadSigningCertificate keep a body that does not parse (AWS:
   * InvalidPublicKey, MalformedCertificate), and Create/UpdateSAMLProvider a metadata document
   * (AWS: InvalidInput). Such an SSH key has no PEM form (GetSSHPublicKey Encoding=PEM:
   * UnrecognizedPublicKeyEncoding); Ward verifies nothing with a signing certificate; such a SAML
   * provider names no issuer or certificate, so AssumeRoleWithSAML through it always fails.
   */
  unparseableCredentials: boolean;
  /** GenerateCredentialReport always generates anew (AWS keeps a report up to four hours and answers COMPLETE). */
  regenerateCredentialReport: boolean;
  /** Access key last-used is stored before the call runs (AWS records it within minutes; Ward batches it). */
  syncLastUsed: boolean;
  /**
   * Every request's time is later than the one before, by a millisecond at least, so lists that
   * AWS orders by creation time (Organizations accounts, OUs, CreateAccount requests) keep the
   * order of creation even for calls within one millisecond, as moto's lists do.
   */
  creationOrder: boolean;
  /** Organizations as moto answers it. */
  organizations: {
    /** CreateAccount answers SUCCEEDED with the AccountId at once (AWS answers IN_PROGRESS and finishes later). */
    instantAccounts: boolean;
    /** A second account with the same email is created (AWS fails the request with EMAIL_ALREADY_EXISTS). */
    duplicateEmails: boolean;
    /** AttachPolicy takes a policy whose type is not enabled (AWS: PolicyTypeNotEnabledException); such a policy binds no one. */
    attachDisabledTypes: boolean;
    /**
     * UpdatePolicy takes any content (AWS: MalformedPolicyDocumentException). An SCP or RCP that
     * does not compile allows nothing at its level, so it can only take rights away.
     */
    anyUpdateContent: boolean;
  };
  /** Requests left that skip signature verification; Infinity until `/moto-api/reset-auth` sets a count. */
  noAuthRemaining: number;
  /** The count `/moto-api/reset-auth` last set (moto reports it back as the previous one). */
  noAuthCount: number;
}
