// generated — do not edit; run npm run models:gen
// Source: src/wire/models/ (STS 2011-06-15).

/** structure AssumeRoleRequest */
export interface AssumeRoleRequest {
  RoleArn: string;
  RoleSessionName: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  ProvidedContexts?: ProvidedContext[];
}

/** structure AssumeRoleResponse */
export interface AssumeRoleResponse {
  Credentials?: Credentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
}

/** structure AssumeRoleWithSAMLRequest */
export interface AssumeRoleWithSAMLRequest {
  RoleArn: string;
  PrincipalArn: string;
  SAMLAssertion: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
}

/** structure AssumeRoleWithSAMLResponse */
export interface AssumeRoleWithSAMLResponse {
  Credentials?: Credentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  Subject?: string;
  SubjectType?: string;
  Issuer?: string;
  Audience?: string;
  NameQualifier?: string;
  SourceIdentity?: string;
}

/** structure AssumeRoleWithWebIdentityRequest */
export interface AssumeRoleWithWebIdentityRequest {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
}

/** structure AssumeRoleWithWebIdentityResponse */
export interface AssumeRoleWithWebIdentityResponse {
  Credentials?: Credentials;
  SubjectFromWebIdentityToken?: string;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  Provider?: string;
  Audience?: string;
  SourceIdentity?: string;
}

/** structure AssumeRootRequest */
export interface AssumeRootRequest {
  TargetPrincipal: string;
  TaskPolicyArn: PolicyDescriptorType;
  DurationSeconds?: number;
}

/** structure AssumeRootResponse */
export interface AssumeRootResponse {
  Credentials?: Credentials;
  SourceIdentity?: string;
}

/** structure AssumedRoleUser */
export interface AssumedRoleUser {
  AssumedRoleId: string;
  Arn: string;
}

/** structure Credentials */
export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

/** structure DecodeAuthorizationMessageRequest */
export interface DecodeAuthorizationMessageRequest {
  EncodedMessage: string;
}

/** structure DecodeAuthorizationMessageResponse */
export interface DecodeAuthorizationMessageResponse {
  DecodedMessage?: string;
}

/** exception ExpiredTokenException */
export interface ExpiredTokenException {
  message?: string;
}

/** exception ExpiredTradeInTokenException */
export interface ExpiredTradeInTokenException {
  message?: string;
}

/** structure FederatedUser */
export interface FederatedUser {
  FederatedUserId: string;
  Arn: string;
}

/** structure GetAccessKeyInfoRequest */
export interface GetAccessKeyInfoRequest {
  AccessKeyId: string;
}

/** structure GetAccessKeyInfoResponse */
export interface GetAccessKeyInfoResponse {
  Account?: string;
}

/** structure GetCallerIdentityRequest */
export interface GetCallerIdentityRequest {}

/** structure GetCallerIdentityResponse */
export interface GetCallerIdentityResponse {
  UserId?: string;
  Account?: string;
  Arn?: string;
}

/** structure GetDelegatedAccessTokenRequest */
export interface GetDelegatedAccessTokenRequest {
  TradeInToken: string;
}

/** structure GetDelegatedAccessTokenResponse */
export interface GetDelegatedAccessTokenResponse {
  Credentials?: Credentials;
  PackedPolicySize?: number;
  AssumedPrincipal?: string;
}

/** structure GetFederationTokenRequest */
export interface GetFederationTokenRequest {
  Name: string;
  Policy?: string;
  PolicyArns?: PolicyDescriptorType[];
  DurationSeconds?: number;
  Tags?: Tag[];
}

/** structure GetFederationTokenResponse */
export interface GetFederationTokenResponse {
  Credentials?: Credentials;
  FederatedUser?: FederatedUser;
  PackedPolicySize?: number;
}

/** structure GetSessionTokenRequest */
export interface GetSessionTokenRequest {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}

/** structure GetSessionTokenResponse */
export interface GetSessionTokenResponse {
  Credentials?: Credentials;
}

/** structure GetWebIdentityTokenRequest */
export interface GetWebIdentityTokenRequest {
  Audience: string[];
  DurationSeconds?: number;
  SigningAlgorithm: string;
  Tags?: Tag[];
}

/** structure GetWebIdentityTokenResponse */
export interface GetWebIdentityTokenResponse {
  WebIdentityToken?: string;
  Expiration?: Date;
}

/** exception IDPCommunicationErrorException */
export interface IDPCommunicationErrorException {
  message?: string;
}

/** exception IDPRejectedClaimException */
export interface IDPRejectedClaimException {
  message?: string;
}

/** exception InvalidAuthorizationMessageException */
export interface InvalidAuthorizationMessageException {
  message?: string;
}

/** exception InvalidIdentityTokenException */
export interface InvalidIdentityTokenException {
  message?: string;
}

/** exception JWTPayloadSizeExceededException */
export interface JWTPayloadSizeExceededException {
  message?: string;
}

/** exception MalformedPolicyDocumentException */
export interface MalformedPolicyDocumentException {
  message?: string;
}

/** exception OutboundWebIdentityFederationDisabledException */
export interface OutboundWebIdentityFederationDisabledException {
  message?: string;
}

/** exception PackedPolicyTooLargeException */
export interface PackedPolicyTooLargeException {
  message?: string;
}

/** structure PolicyDescriptorType */
export interface PolicyDescriptorType {
  arn?: string;
}

/** structure ProvidedContext */
export interface ProvidedContext {
  ProviderArn?: string;
  ContextAssertion?: string;
}

/** exception RegionDisabledException */
export interface RegionDisabledException {
  message?: string;
}

/** exception SessionDurationEscalationException */
export interface SessionDurationEscalationException {
  message?: string;
}

/** structure Tag */
export interface Tag {
  Key: string;
  Value: string;
}

/** Every STS operation's input and output; `Record<string, never>` means none on the wire. */
export interface StsOperations {
  AssumeRole: { input: AssumeRoleRequest; output: AssumeRoleResponse };
  AssumeRoleWithSAML: { input: AssumeRoleWithSAMLRequest; output: AssumeRoleWithSAMLResponse };
  AssumeRoleWithWebIdentity: { input: AssumeRoleWithWebIdentityRequest; output: AssumeRoleWithWebIdentityResponse };
  AssumeRoot: { input: AssumeRootRequest; output: AssumeRootResponse };
  DecodeAuthorizationMessage: { input: DecodeAuthorizationMessageRequest; output: DecodeAuthorizationMessageResponse };
  GetAccessKeyInfo: { input: GetAccessKeyInfoRequest; output: GetAccessKeyInfoResponse };
  GetCallerIdentity: { input: GetCallerIdentityRequest; output: GetCallerIdentityResponse };
  GetDelegatedAccessToken: { input: GetDelegatedAccessTokenRequest; output: GetDelegatedAccessTokenResponse };
  GetFederationToken: { input: GetFederationTokenRequest; output: GetFederationTokenResponse };
  GetSessionToken: { input: GetSessionTokenRequest; output: GetSessionTokenResponse };
  GetWebIdentityToken: { input: GetWebIdentityTokenRequest; output: GetWebIdentityTokenResponse };
}

/** Names of the STS operations. */
export type StsOperationName = keyof StsOperations;

/** Exception shape names of STS, for the typed error helpers. */
export type StsErrorShape =
  | "ExpiredTokenException"
  | "ExpiredTradeInTokenException"
  | "IDPCommunicationErrorException"
  | "IDPRejectedClaimException"
  | "InvalidAuthorizationMessageException"
  | "InvalidIdentityTokenException"
  | "JWTPayloadSizeExceededException"
  | "MalformedPolicyDocumentException"
  | "OutboundWebIdentityFederationDisabledException"
  | "PackedPolicyTooLargeException"
  | "RegionDisabledException"
  | "SessionDurationEscalationException";
