// generated — do not edit; run npm run models:gen
// Source: src/wire/models/ (IAM 2010-05-08).

/** structure AcceptDelegationRequestRequest */
export interface AcceptDelegationRequestRequest {
  DelegationRequestId: string;
}

/** enum AccessAdvisorUsageGranularityType */
export type AccessAdvisorUsageGranularityType = "SERVICE_LEVEL" | "ACTION_LEVEL";

/** structure AccessDetail */
export interface AccessDetail {
  ServiceName: string;
  ServiceNamespace: string;
  Region?: string;
  EntityPath?: string;
  LastAuthenticatedTime?: Date;
  TotalAuthenticatedEntities?: number;
}

/** structure AccessKey */
export interface AccessKey {
  UserName: string;
  AccessKeyId: string;
  Status: statusType;
  SecretAccessKey: string;
  CreateDate?: Date;
}

/** structure AccessKeyLastUsed */
export interface AccessKeyLastUsed {
  LastUsedDate?: Date;
  ServiceName: string;
  Region: string;
}

/** structure AccessKeyMetadata */
export interface AccessKeyMetadata {
  UserName?: string;
  AccessKeyId?: string;
  Status?: statusType;
  CreateDate?: Date;
}

/** exception AccountNotManagementOrDelegatedAdministratorException */
export interface AccountNotManagementOrDelegatedAdministratorException {}

/** structure AddClientIDToOpenIDConnectProviderRequest */
export interface AddClientIDToOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  ClientID: string;
}

/** structure AddRoleToInstanceProfileRequest */
export interface AddRoleToInstanceProfileRequest {
  InstanceProfileName: string;
  RoleName: string;
}

/** structure AddUserToGroupRequest */
export interface AddUserToGroupRequest {
  GroupName: string;
  UserName: string;
}

/** structure AssociateDelegationRequestRequest */
export interface AssociateDelegationRequestRequest {
  DelegationRequestId: string;
}

/** structure AttachGroupPolicyRequest */
export interface AttachGroupPolicyRequest {
  GroupName: string;
  PolicyArn: string;
}

/** structure AttachRolePolicyRequest */
export interface AttachRolePolicyRequest {
  RoleName: string;
  PolicyArn: string;
}

/** structure AttachUserPolicyRequest */
export interface AttachUserPolicyRequest {
  UserName: string;
  PolicyArn: string;
}

/** structure AttachedPermissionsBoundary */
export interface AttachedPermissionsBoundary {
  PermissionsBoundaryType?: PermissionsBoundaryAttachmentType;
  PermissionsBoundaryArn?: string;
}

/** structure AttachedPolicy */
export interface AttachedPolicy {
  PolicyName?: string;
  PolicyArn?: string;
}

/** exception CallerIsNotManagementAccountException */
export interface CallerIsNotManagementAccountException {}

/** structure ChangePasswordRequest */
export interface ChangePasswordRequest {
  OldPassword: string;
  NewPassword: string;
}

/** exception ConcurrentModificationException */
export interface ConcurrentModificationException {
  message?: string;
}

/** structure ContextEntry */
export interface ContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: ContextKeyTypeEnum;
}

/** enum ContextKeyTypeEnum */
export type ContextKeyTypeEnum = "string" | "stringList" | "numeric" | "numericList" | "boolean" | "booleanList" | "ip" | "ipList" | "binary" | "binaryList" | "date" | "dateList";

/** structure CreateAccessKeyRequest */
export interface CreateAccessKeyRequest {
  UserName?: string;
}

/** structure CreateAccessKeyResponse */
export interface CreateAccessKeyResponse {
  AccessKey: AccessKey;
}

/** structure CreateAccountAliasRequest */
export interface CreateAccountAliasRequest {
  AccountAlias: string;
}

/** structure CreateDelegationRequestRequest */
export interface CreateDelegationRequestRequest {
  OwnerAccountId?: string;
  Description: string;
  Permissions: DelegationPermission;
  RequestMessage?: string;
  RequestorWorkflowId: string;
  RedirectUrl?: string;
  NotificationChannel: string;
  SessionDuration: number;
  OnlySendByOwner?: boolean;
}

/** structure CreateDelegationRequestResponse */
export interface CreateDelegationRequestResponse {
  ConsoleDeepLink?: string;
  DelegationRequestId?: string;
}

/** structure CreateGroupRequest */
export interface CreateGroupRequest {
  Path?: string;
  GroupName: string;
}

/** structure CreateGroupResponse */
export interface CreateGroupResponse {
  Group: Group;
}

/** structure CreateInstanceProfileRequest */
export interface CreateInstanceProfileRequest {
  InstanceProfileName: string;
  Path?: string;
  Tags?: Tag[];
}

/** structure CreateInstanceProfileResponse */
export interface CreateInstanceProfileResponse {
  InstanceProfile: InstanceProfile;
}

/** structure CreateLoginProfileRequest */
export interface CreateLoginProfileRequest {
  UserName?: string;
  Password?: string;
  PasswordResetRequired?: boolean;
}

/** structure CreateLoginProfileResponse */
export interface CreateLoginProfileResponse {
  LoginProfile: LoginProfile;
}

/** structure CreateOpenIDConnectProviderRequest */
export interface CreateOpenIDConnectProviderRequest {
  Url: string;
  ClientIDList?: string[];
  ThumbprintList?: string[];
  Tags?: Tag[];
}

/** structure CreateOpenIDConnectProviderResponse */
export interface CreateOpenIDConnectProviderResponse {
  OpenIDConnectProviderArn?: string;
  Tags?: Tag[];
}

/** structure CreatePolicyRequest */
export interface CreatePolicyRequest {
  PolicyName: string;
  Path?: string;
  PolicyDocument: string;
  Description?: string;
  Tags?: Tag[];
}

/** structure CreatePolicyResponse */
export interface CreatePolicyResponse {
  Policy?: Policy;
}

/** structure CreatePolicyVersionRequest */
export interface CreatePolicyVersionRequest {
  PolicyArn: string;
  PolicyDocument: string;
  SetAsDefault?: boolean;
}

/** structure CreatePolicyVersionResponse */
export interface CreatePolicyVersionResponse {
  PolicyVersion?: PolicyVersion;
}

/** structure CreateRoleRequest */
export interface CreateRoleRequest {
  Path?: string;
  RoleName: string;
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: string;
  Tags?: Tag[];
}

/** structure CreateRoleResponse */
export interface CreateRoleResponse {
  Role: Role;
}

/** structure CreateSAMLProviderRequest */
export interface CreateSAMLProviderRequest {
  SAMLMetadataDocument: string;
  Name: string;
  Tags?: Tag[];
  AssertionEncryptionMode?: assertionEncryptionModeType;
  AddPrivateKey?: string;
}

/** structure CreateSAMLProviderResponse */
export interface CreateSAMLProviderResponse {
  SAMLProviderArn?: string;
  Tags?: Tag[];
}

/** structure CreateServiceLinkedRoleRequest */
export interface CreateServiceLinkedRoleRequest {
  AWSServiceName: string;
  Description?: string;
  CustomSuffix?: string;
}

/** structure CreateServiceLinkedRoleResponse */
export interface CreateServiceLinkedRoleResponse {
  Role?: Role;
}

/** structure CreateServiceSpecificCredentialRequest */
export interface CreateServiceSpecificCredentialRequest {
  UserName: string;
  ServiceName: string;
  CredentialAgeDays?: number;
}

/** structure CreateServiceSpecificCredentialResponse */
export interface CreateServiceSpecificCredentialResponse {
  ServiceSpecificCredential?: ServiceSpecificCredential;
}

/** structure CreateUserRequest */
export interface CreateUserRequest {
  Path?: string;
  UserName: string;
  PermissionsBoundary?: string;
  Tags?: Tag[];
}

/** structure CreateUserResponse */
export interface CreateUserResponse {
  User?: User;
}

/** structure CreateVirtualMFADeviceRequest */
export interface CreateVirtualMFADeviceRequest {
  Path?: string;
  VirtualMFADeviceName: string;
  Tags?: Tag[];
}

/** structure CreateVirtualMFADeviceResponse */
export interface CreateVirtualMFADeviceResponse {
  VirtualMFADevice: VirtualMFADevice;
}

/** exception CredentialReportExpiredException */
export interface CredentialReportExpiredException {
  message?: string;
}

/** exception CredentialReportNotPresentException */
export interface CredentialReportNotPresentException {
  message?: string;
}

/** exception CredentialReportNotReadyException */
export interface CredentialReportNotReadyException {
  message?: string;
}

/** structure DeactivateMFADeviceRequest */
export interface DeactivateMFADeviceRequest {
  UserName?: string;
  SerialNumber: string;
}

/** structure DelegationPermission */
export interface DelegationPermission {
  PolicyTemplateArn?: string;
  Parameters?: PolicyParameter[];
}

/** structure DelegationRequest */
export interface DelegationRequest {
  DelegationRequestId?: string;
  OwnerAccountId?: string;
  Description?: string;
  RequestMessage?: string;
  Permissions?: DelegationPermission;
  PermissionPolicy?: string;
  RolePermissionRestrictionArns?: string[];
  OwnerId?: string;
  ApproverId?: string;
  State?: stateType;
  ExpirationTime?: Date;
  RequestorId?: string;
  RequestorName?: string;
  CreateDate?: Date;
  SessionDuration?: number;
  RedirectUrl?: string;
  Notes?: string;
  RejectionReason?: string;
  OnlySendByOwner?: boolean;
  UpdatedTime?: Date;
}

/** structure DeleteAccessKeyRequest */
export interface DeleteAccessKeyRequest {
  UserName?: string;
  AccessKeyId: string;
}

/** structure DeleteAccountAliasRequest */
export interface DeleteAccountAliasRequest {
  AccountAlias: string;
}

/** exception DeleteConflictException */
export interface DeleteConflictException {
  message?: string;
}

/** structure DeleteGroupPolicyRequest */
export interface DeleteGroupPolicyRequest {
  GroupName: string;
  PolicyName: string;
}

/** structure DeleteGroupRequest */
export interface DeleteGroupRequest {
  GroupName: string;
}

/** structure DeleteInstanceProfileRequest */
export interface DeleteInstanceProfileRequest {
  InstanceProfileName: string;
}

/** structure DeleteLoginProfileRequest */
export interface DeleteLoginProfileRequest {
  UserName?: string;
}

/** structure DeleteOpenIDConnectProviderRequest */
export interface DeleteOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
}

/** structure DeletePolicyRequest */
export interface DeletePolicyRequest {
  PolicyArn: string;
}

/** structure DeletePolicyVersionRequest */
export interface DeletePolicyVersionRequest {
  PolicyArn: string;
  VersionId: string;
}

/** structure DeleteRolePermissionsBoundaryRequest */
export interface DeleteRolePermissionsBoundaryRequest {
  RoleName: string;
}

/** structure DeleteRolePolicyRequest */
export interface DeleteRolePolicyRequest {
  RoleName: string;
  PolicyName: string;
}

/** structure DeleteRoleRequest */
export interface DeleteRoleRequest {
  RoleName: string;
}

/** structure DeleteSAMLProviderRequest */
export interface DeleteSAMLProviderRequest {
  SAMLProviderArn: string;
}

/** structure DeleteSSHPublicKeyRequest */
export interface DeleteSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
}

/** structure DeleteServerCertificateRequest */
export interface DeleteServerCertificateRequest {
  ServerCertificateName: string;
}

/** structure DeleteServiceLinkedRoleRequest */
export interface DeleteServiceLinkedRoleRequest {
  RoleName: string;
}

/** structure DeleteServiceLinkedRoleResponse */
export interface DeleteServiceLinkedRoleResponse {
  DeletionTaskId: string;
}

/** structure DeleteServiceSpecificCredentialRequest */
export interface DeleteServiceSpecificCredentialRequest {
  UserName?: string;
  ServiceSpecificCredentialId: string;
}

/** structure DeleteSigningCertificateRequest */
export interface DeleteSigningCertificateRequest {
  UserName?: string;
  CertificateId: string;
}

/** structure DeleteUserPermissionsBoundaryRequest */
export interface DeleteUserPermissionsBoundaryRequest {
  UserName: string;
}

/** structure DeleteUserPolicyRequest */
export interface DeleteUserPolicyRequest {
  UserName: string;
  PolicyName: string;
}

/** structure DeleteUserRequest */
export interface DeleteUserRequest {
  UserName: string;
}

/** structure DeleteVirtualMFADeviceRequest */
export interface DeleteVirtualMFADeviceRequest {
  SerialNumber: string;
}

/** structure DeletionTaskFailureReasonType */
export interface DeletionTaskFailureReasonType {
  Reason?: string;
  RoleUsageList?: RoleUsageType[];
}

/** enum DeletionTaskStatusType */
export type DeletionTaskStatusType = "SUCCEEDED" | "IN_PROGRESS" | "FAILED" | "NOT_STARTED";

/** structure DetachGroupPolicyRequest */
export interface DetachGroupPolicyRequest {
  GroupName: string;
  PolicyArn: string;
}

/** structure DetachRolePolicyRequest */
export interface DetachRolePolicyRequest {
  RoleName: string;
  PolicyArn: string;
}

/** structure DetachUserPolicyRequest */
export interface DetachUserPolicyRequest {
  UserName: string;
  PolicyArn: string;
}

/** structure DisableOrganizationsRootCredentialsManagementRequest */
export interface DisableOrganizationsRootCredentialsManagementRequest {}

/** structure DisableOrganizationsRootCredentialsManagementResponse */
export interface DisableOrganizationsRootCredentialsManagementResponse {
  OrganizationId?: string;
  EnabledFeatures?: FeatureType[];
}

/** structure DisableOrganizationsRootSessionsRequest */
export interface DisableOrganizationsRootSessionsRequest {}

/** structure DisableOrganizationsRootSessionsResponse */
export interface DisableOrganizationsRootSessionsResponse {
  OrganizationId?: string;
  EnabledFeatures?: FeatureType[];
}

/** exception DuplicateCertificateException */
export interface DuplicateCertificateException {
  message?: string;
}

/** exception DuplicateSSHPublicKeyException */
export interface DuplicateSSHPublicKeyException {
  message?: string;
}

/** structure EnableMFADeviceRequest */
export interface EnableMFADeviceRequest {
  UserName: string;
  SerialNumber: string;
  AuthenticationCode1: string;
  AuthenticationCode2: string;
}

/** structure EnableOrganizationsRootCredentialsManagementRequest */
export interface EnableOrganizationsRootCredentialsManagementRequest {}

/** structure EnableOrganizationsRootCredentialsManagementResponse */
export interface EnableOrganizationsRootCredentialsManagementResponse {
  OrganizationId?: string;
  EnabledFeatures?: FeatureType[];
}

/** structure EnableOrganizationsRootSessionsRequest */
export interface EnableOrganizationsRootSessionsRequest {}

/** structure EnableOrganizationsRootSessionsResponse */
export interface EnableOrganizationsRootSessionsResponse {
  OrganizationId?: string;
  EnabledFeatures?: FeatureType[];
}

/** structure EnableOutboundWebIdentityFederationResponse */
export interface EnableOutboundWebIdentityFederationResponse {
  IssuerIdentifier?: string;
}

/** exception EntityAlreadyExistsException */
export interface EntityAlreadyExistsException {
  message?: string;
}

/** structure EntityDetails */
export interface EntityDetails {
  EntityInfo: EntityInfo;
  LastAuthenticated?: Date;
}

/** structure EntityInfo */
export interface EntityInfo {
  Arn: string;
  Name: string;
  Type: policyOwnerEntityType;
  Id: string;
  Path?: string;
}

/** exception EntityTemporarilyUnmodifiableException */
export interface EntityTemporarilyUnmodifiableException {
  message?: string;
}

/** enum EntityType */
export type EntityType = "User" | "Role" | "Group" | "LocalManagedPolicy" | "AWSManagedPolicy";

/** structure ErrorDetails */
export interface ErrorDetails {
  Message: string;
  Code: string;
}

/** structure EvaluationResult */
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName?: string;
  EvalDecision: PolicyEvaluationDecisionType;
  MatchedStatements?: Statement[];
  MissingContextValues?: string[];
  OrganizationsDecisionDetail?: OrganizationsDecisionDetail;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
  EvalDecisionDetails?: Record<string, PolicyEvaluationDecisionType>;
  ResourceSpecificResults?: ResourceSpecificResult[];
}

/** exception FeatureDisabledException */
export interface FeatureDisabledException {
  message?: string;
}

/** exception FeatureEnabledException */
export interface FeatureEnabledException {
  message?: string;
}

/** enum FeatureType */
export type FeatureType = "RootCredentialsManagement" | "RootSessions";

/** structure GenerateCredentialReportResponse */
export interface GenerateCredentialReportResponse {
  State?: ReportStateType;
  Description?: string;
}

/** structure GenerateOrganizationsAccessReportRequest */
export interface GenerateOrganizationsAccessReportRequest {
  EntityPath: string;
  OrganizationsPolicyId?: string;
}

/** structure GenerateOrganizationsAccessReportResponse */
export interface GenerateOrganizationsAccessReportResponse {
  JobId?: string;
}

/** structure GenerateServiceLastAccessedDetailsRequest */
export interface GenerateServiceLastAccessedDetailsRequest {
  Arn: string;
  Granularity?: AccessAdvisorUsageGranularityType;
}

/** structure GenerateServiceLastAccessedDetailsResponse */
export interface GenerateServiceLastAccessedDetailsResponse {
  JobId?: string;
}

/** structure GetAccessKeyLastUsedRequest */
export interface GetAccessKeyLastUsedRequest {
  AccessKeyId: string;
}

/** structure GetAccessKeyLastUsedResponse */
export interface GetAccessKeyLastUsedResponse {
  UserName?: string;
  AccessKeyLastUsed?: AccessKeyLastUsed;
}

/** structure GetAccountAuthorizationDetailsRequest */
export interface GetAccountAuthorizationDetailsRequest {
  Filter?: EntityType[];
  MaxItems?: number;
  Marker?: string;
}

/** structure GetAccountAuthorizationDetailsResponse */
export interface GetAccountAuthorizationDetailsResponse {
  UserDetailList?: UserDetail[];
  GroupDetailList?: GroupDetail[];
  RoleDetailList?: RoleDetail[];
  Policies?: ManagedPolicyDetail[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure GetAccountPasswordPolicyResponse */
export interface GetAccountPasswordPolicyResponse {
  PasswordPolicy: PasswordPolicy;
}

/** structure GetAccountSummaryResponse */
export interface GetAccountSummaryResponse {
  SummaryMap?: Partial<Record<summaryKeyType, number>>;
}

/** structure GetContextKeysForCustomPolicyRequest */
export interface GetContextKeysForCustomPolicyRequest {
  PolicyInputList: string[];
}

/** structure GetContextKeysForPolicyResponse */
export interface GetContextKeysForPolicyResponse {
  ContextKeyNames?: string[];
}

/** structure GetContextKeysForPrincipalPolicyRequest */
export interface GetContextKeysForPrincipalPolicyRequest {
  PolicySourceArn: string;
  PolicyInputList?: string[];
}

/** structure GetCredentialReportResponse */
export interface GetCredentialReportResponse {
  Content?: Uint8Array;
  ReportFormat?: ReportFormatType;
  GeneratedTime?: Date;
}

/** structure GetDelegationRequestRequest */
export interface GetDelegationRequestRequest {
  DelegationRequestId: string;
  DelegationPermissionCheck?: boolean;
}

/** structure GetDelegationRequestResponse */
export interface GetDelegationRequestResponse {
  DelegationRequest?: DelegationRequest;
  PermissionCheckStatus?: permissionCheckStatusType;
  PermissionCheckResult?: permissionCheckResultType;
}

/** structure GetGroupPolicyRequest */
export interface GetGroupPolicyRequest {
  GroupName: string;
  PolicyName: string;
}

/** structure GetGroupPolicyResponse */
export interface GetGroupPolicyResponse {
  GroupName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure GetGroupRequest */
export interface GetGroupRequest {
  GroupName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure GetGroupResponse */
export interface GetGroupResponse {
  Group: Group;
  Users: User[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure GetHumanReadableSummaryRequest */
export interface GetHumanReadableSummaryRequest {
  EntityArn: string;
  Locale?: string;
}

/** structure GetHumanReadableSummaryResponse */
export interface GetHumanReadableSummaryResponse {
  SummaryContent?: string;
  Locale?: string;
  SummaryState?: summaryStateType;
}

/** structure GetInstanceProfileRequest */
export interface GetInstanceProfileRequest {
  InstanceProfileName: string;
}

/** structure GetInstanceProfileResponse */
export interface GetInstanceProfileResponse {
  InstanceProfile: InstanceProfile;
}

/** structure GetLoginProfileRequest */
export interface GetLoginProfileRequest {
  UserName?: string;
}

/** structure GetLoginProfileResponse */
export interface GetLoginProfileResponse {
  LoginProfile: LoginProfile;
}

/** structure GetMFADeviceRequest */
export interface GetMFADeviceRequest {
  SerialNumber: string;
  UserName?: string;
}

/** structure GetMFADeviceResponse */
export interface GetMFADeviceResponse {
  UserName?: string;
  SerialNumber: string;
  EnableDate?: Date;
  Certifications?: Record<string, string>;
}

/** structure GetOpenIDConnectProviderRequest */
export interface GetOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
}

/** structure GetOpenIDConnectProviderResponse */
export interface GetOpenIDConnectProviderResponse {
  Url?: string;
  ClientIDList?: string[];
  ThumbprintList?: string[];
  CreateDate?: Date;
  Tags?: Tag[];
}

/** structure GetOrganizationsAccessReportRequest */
export interface GetOrganizationsAccessReportRequest {
  JobId: string;
  MaxItems?: number;
  Marker?: string;
  SortKey?: sortKeyType;
}

/** structure GetOrganizationsAccessReportResponse */
export interface GetOrganizationsAccessReportResponse {
  JobStatus: jobStatusType;
  JobCreationDate: Date;
  JobCompletionDate?: Date;
  NumberOfServicesAccessible?: number;
  NumberOfServicesNotAccessed?: number;
  AccessDetails?: AccessDetail[];
  IsTruncated?: boolean;
  Marker?: string;
  ErrorDetails?: ErrorDetails;
}

/** structure GetOutboundWebIdentityFederationInfoResponse */
export interface GetOutboundWebIdentityFederationInfoResponse {
  IssuerIdentifier?: string;
  JwtVendingEnabled?: boolean;
}

/** structure GetPolicyRequest */
export interface GetPolicyRequest {
  PolicyArn: string;
}

/** structure GetPolicyResponse */
export interface GetPolicyResponse {
  Policy?: Policy;
}

/** structure GetPolicyVersionRequest */
export interface GetPolicyVersionRequest {
  PolicyArn: string;
  VersionId: string;
}

/** structure GetPolicyVersionResponse */
export interface GetPolicyVersionResponse {
  PolicyVersion?: PolicyVersion;
}

/** structure GetRolePolicyRequest */
export interface GetRolePolicyRequest {
  RoleName: string;
  PolicyName: string;
}

/** structure GetRolePolicyResponse */
export interface GetRolePolicyResponse {
  RoleName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure GetRoleRequest */
export interface GetRoleRequest {
  RoleName: string;
}

/** structure GetRoleResponse */
export interface GetRoleResponse {
  Role: Role;
}

/** structure GetSAMLProviderRequest */
export interface GetSAMLProviderRequest {
  SAMLProviderArn: string;
}

/** structure GetSAMLProviderResponse */
export interface GetSAMLProviderResponse {
  SAMLProviderUUID?: string;
  SAMLMetadataDocument?: string;
  CreateDate?: Date;
  ValidUntil?: Date;
  Tags?: Tag[];
  AssertionEncryptionMode?: assertionEncryptionModeType;
  PrivateKeyList?: SAMLPrivateKey[];
}

/** structure GetSSHPublicKeyRequest */
export interface GetSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
  Encoding: encodingType;
}

/** structure GetSSHPublicKeyResponse */
export interface GetSSHPublicKeyResponse {
  SSHPublicKey?: SSHPublicKey;
}

/** structure GetServerCertificateRequest */
export interface GetServerCertificateRequest {
  ServerCertificateName: string;
}

/** structure GetServerCertificateResponse */
export interface GetServerCertificateResponse {
  ServerCertificate: ServerCertificate;
}

/** structure GetServiceLastAccessedDetailsRequest */
export interface GetServiceLastAccessedDetailsRequest {
  JobId: string;
  MaxItems?: number;
  Marker?: string;
}

/** structure GetServiceLastAccessedDetailsResponse */
export interface GetServiceLastAccessedDetailsResponse {
  JobStatus: jobStatusType;
  JobType?: AccessAdvisorUsageGranularityType;
  JobCreationDate: Date;
  ServicesLastAccessed: ServiceLastAccessed[];
  JobCompletionDate: Date;
  IsTruncated?: boolean;
  Marker?: string;
  Error?: ErrorDetails;
}

/** structure GetServiceLastAccessedDetailsWithEntitiesRequest */
export interface GetServiceLastAccessedDetailsWithEntitiesRequest {
  JobId: string;
  ServiceNamespace: string;
  MaxItems?: number;
  Marker?: string;
}

/** structure GetServiceLastAccessedDetailsWithEntitiesResponse */
export interface GetServiceLastAccessedDetailsWithEntitiesResponse {
  JobStatus: jobStatusType;
  JobCreationDate: Date;
  JobCompletionDate: Date;
  EntityDetailsList: EntityDetails[];
  IsTruncated?: boolean;
  Marker?: string;
  Error?: ErrorDetails;
}

/** structure GetServiceLinkedRoleDeletionStatusRequest */
export interface GetServiceLinkedRoleDeletionStatusRequest {
  DeletionTaskId: string;
}

/** structure GetServiceLinkedRoleDeletionStatusResponse */
export interface GetServiceLinkedRoleDeletionStatusResponse {
  Status: DeletionTaskStatusType;
  Reason?: DeletionTaskFailureReasonType;
}

/** structure GetUserPolicyRequest */
export interface GetUserPolicyRequest {
  UserName: string;
  PolicyName: string;
}

/** structure GetUserPolicyResponse */
export interface GetUserPolicyResponse {
  UserName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure GetUserRequest */
export interface GetUserRequest {
  UserName?: string;
}

/** structure GetUserResponse */
export interface GetUserResponse {
  User: User;
}

/** structure Group */
export interface Group {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: Date;
}

/** structure GroupDetail */
export interface GroupDetail {
  Path?: string;
  GroupName?: string;
  GroupId?: string;
  Arn?: string;
  CreateDate?: Date;
  GroupPolicyList?: PolicyDetail[];
  AttachedManagedPolicies?: AttachedPolicy[];
}

/** structure InstanceProfile */
export interface InstanceProfile {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: Date;
  Roles: Role[];
  Tags?: Tag[];
}

/** exception InvalidAuthenticationCodeException */
export interface InvalidAuthenticationCodeException {
  message?: string;
}

/** exception InvalidCertificateException */
export interface InvalidCertificateException {
  message?: string;
}

/** exception InvalidInputException */
export interface InvalidInputException {
  message?: string;
}

/** exception InvalidPublicKeyException */
export interface InvalidPublicKeyException {
  message?: string;
}

/** exception InvalidUserTypeException */
export interface InvalidUserTypeException {
  message?: string;
}

/** exception KeyPairMismatchException */
export interface KeyPairMismatchException {
  message?: string;
}

/** exception LimitExceededException */
export interface LimitExceededException {
  message?: string;
}

/** structure ListAccessKeysRequest */
export interface ListAccessKeysRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListAccessKeysResponse */
export interface ListAccessKeysResponse {
  AccessKeyMetadata: AccessKeyMetadata[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListAccountAliasesRequest */
export interface ListAccountAliasesRequest {
  Marker?: string;
  MaxItems?: number;
}

/** structure ListAccountAliasesResponse */
export interface ListAccountAliasesResponse {
  AccountAliases: string[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListAttachedGroupPoliciesRequest */
export interface ListAttachedGroupPoliciesRequest {
  GroupName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListAttachedGroupPoliciesResponse */
export interface ListAttachedGroupPoliciesResponse {
  AttachedPolicies?: AttachedPolicy[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListAttachedRolePoliciesRequest */
export interface ListAttachedRolePoliciesRequest {
  RoleName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListAttachedRolePoliciesResponse */
export interface ListAttachedRolePoliciesResponse {
  AttachedPolicies?: AttachedPolicy[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListAttachedUserPoliciesRequest */
export interface ListAttachedUserPoliciesRequest {
  UserName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListAttachedUserPoliciesResponse */
export interface ListAttachedUserPoliciesResponse {
  AttachedPolicies?: AttachedPolicy[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListDelegationRequestsRequest */
export interface ListDelegationRequestsRequest {
  OwnerId?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListDelegationRequestsResponse */
export interface ListDelegationRequestsResponse {
  DelegationRequests?: DelegationRequest[];
  Marker?: string;
  isTruncated?: boolean;
}

/** structure ListEntitiesForPolicyRequest */
export interface ListEntitiesForPolicyRequest {
  PolicyArn: string;
  EntityFilter?: EntityType;
  PathPrefix?: string;
  PolicyUsageFilter?: PolicyUsageType;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListEntitiesForPolicyResponse */
export interface ListEntitiesForPolicyResponse {
  PolicyGroups?: PolicyGroup[];
  PolicyUsers?: PolicyUser[];
  PolicyRoles?: PolicyRole[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListGroupPoliciesRequest */
export interface ListGroupPoliciesRequest {
  GroupName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListGroupPoliciesResponse */
export interface ListGroupPoliciesResponse {
  PolicyNames: string[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListGroupsForUserRequest */
export interface ListGroupsForUserRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListGroupsForUserResponse */
export interface ListGroupsForUserResponse {
  Groups: Group[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListGroupsRequest */
export interface ListGroupsRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListGroupsResponse */
export interface ListGroupsResponse {
  Groups: Group[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListInstanceProfileTagsRequest */
export interface ListInstanceProfileTagsRequest {
  InstanceProfileName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListInstanceProfileTagsResponse */
export interface ListInstanceProfileTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListInstanceProfilesForRoleRequest */
export interface ListInstanceProfilesForRoleRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListInstanceProfilesForRoleResponse */
export interface ListInstanceProfilesForRoleResponse {
  InstanceProfiles: InstanceProfile[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListInstanceProfilesRequest */
export interface ListInstanceProfilesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListInstanceProfilesResponse */
export interface ListInstanceProfilesResponse {
  InstanceProfiles: InstanceProfile[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListMFADeviceTagsRequest */
export interface ListMFADeviceTagsRequest {
  SerialNumber: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListMFADeviceTagsResponse */
export interface ListMFADeviceTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListMFADevicesRequest */
export interface ListMFADevicesRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListMFADevicesResponse */
export interface ListMFADevicesResponse {
  MFADevices: MFADevice[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListOpenIDConnectProviderTagsRequest */
export interface ListOpenIDConnectProviderTagsRequest {
  OpenIDConnectProviderArn: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListOpenIDConnectProviderTagsResponse */
export interface ListOpenIDConnectProviderTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListOpenIDConnectProvidersRequest */
export interface ListOpenIDConnectProvidersRequest {}

/** structure ListOpenIDConnectProvidersResponse */
export interface ListOpenIDConnectProvidersResponse {
  OpenIDConnectProviderList?: OpenIDConnectProviderListEntry[];
}

/** structure ListOrganizationsFeaturesRequest */
export interface ListOrganizationsFeaturesRequest {}

/** structure ListOrganizationsFeaturesResponse */
export interface ListOrganizationsFeaturesResponse {
  OrganizationId?: string;
  EnabledFeatures?: FeatureType[];
}

/** structure ListPoliciesGrantingServiceAccessEntry */
export interface ListPoliciesGrantingServiceAccessEntry {
  ServiceNamespace?: string;
  Policies?: PolicyGrantingServiceAccess[];
}

/** structure ListPoliciesGrantingServiceAccessRequest */
export interface ListPoliciesGrantingServiceAccessRequest {
  Marker?: string;
  Arn: string;
  ServiceNamespaces: string[];
}

/** structure ListPoliciesGrantingServiceAccessResponse */
export interface ListPoliciesGrantingServiceAccessResponse {
  PoliciesGrantingServiceAccess: ListPoliciesGrantingServiceAccessEntry[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListPoliciesRequest */
export interface ListPoliciesRequest {
  Scope?: policyScopeType;
  OnlyAttached?: boolean;
  PathPrefix?: string;
  PolicyUsageFilter?: PolicyUsageType;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListPoliciesResponse */
export interface ListPoliciesResponse {
  Policies?: Policy[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListPolicyTagsRequest */
export interface ListPolicyTagsRequest {
  PolicyArn: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListPolicyTagsResponse */
export interface ListPolicyTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListPolicyVersionsRequest */
export interface ListPolicyVersionsRequest {
  PolicyArn: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListPolicyVersionsResponse */
export interface ListPolicyVersionsResponse {
  Versions?: PolicyVersion[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListRolePoliciesRequest */
export interface ListRolePoliciesRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListRolePoliciesResponse */
export interface ListRolePoliciesResponse {
  PolicyNames: string[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListRoleTagsRequest */
export interface ListRoleTagsRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListRoleTagsResponse */
export interface ListRoleTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListRolesRequest */
export interface ListRolesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListRolesResponse */
export interface ListRolesResponse {
  Roles: Role[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListSAMLProviderTagsRequest */
export interface ListSAMLProviderTagsRequest {
  SAMLProviderArn: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListSAMLProviderTagsResponse */
export interface ListSAMLProviderTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListSAMLProvidersRequest */
export interface ListSAMLProvidersRequest {}

/** structure ListSAMLProvidersResponse */
export interface ListSAMLProvidersResponse {
  SAMLProviderList?: SAMLProviderListEntry[];
}

/** structure ListSSHPublicKeysRequest */
export interface ListSSHPublicKeysRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListSSHPublicKeysResponse */
export interface ListSSHPublicKeysResponse {
  SSHPublicKeys?: SSHPublicKeyMetadata[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListServerCertificateTagsRequest */
export interface ListServerCertificateTagsRequest {
  ServerCertificateName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListServerCertificateTagsResponse */
export interface ListServerCertificateTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListServerCertificatesRequest */
export interface ListServerCertificatesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListServerCertificatesResponse */
export interface ListServerCertificatesResponse {
  ServerCertificateMetadataList: ServerCertificateMetadata[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListServiceSpecificCredentialsRequest */
export interface ListServiceSpecificCredentialsRequest {
  UserName?: string;
  ServiceName?: string;
  AllUsers?: boolean;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListServiceSpecificCredentialsResponse */
export interface ListServiceSpecificCredentialsResponse {
  ServiceSpecificCredentials?: ServiceSpecificCredentialMetadata[];
  Marker?: string;
  IsTruncated?: boolean;
}

/** structure ListSigningCertificatesRequest */
export interface ListSigningCertificatesRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListSigningCertificatesResponse */
export interface ListSigningCertificatesResponse {
  Certificates: SigningCertificate[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListUserPoliciesRequest */
export interface ListUserPoliciesRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListUserPoliciesResponse */
export interface ListUserPoliciesResponse {
  PolicyNames: string[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListUserTagsRequest */
export interface ListUserTagsRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListUserTagsResponse */
export interface ListUserTagsResponse {
  Tags: Tag[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListUsersRequest */
export interface ListUsersRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListUsersResponse */
export interface ListUsersResponse {
  Users: User[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure ListVirtualMFADevicesRequest */
export interface ListVirtualMFADevicesRequest {
  AssignmentStatus?: assignmentStatusType;
  Marker?: string;
  MaxItems?: number;
}

/** structure ListVirtualMFADevicesResponse */
export interface ListVirtualMFADevicesResponse {
  VirtualMFADevices: VirtualMFADevice[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure LoginProfile */
export interface LoginProfile {
  UserName: string;
  CreateDate: Date;
  PasswordResetRequired?: boolean;
}

/** structure MFADevice */
export interface MFADevice {
  UserName: string;
  SerialNumber: string;
  EnableDate: Date;
}

/** exception MalformedCertificateException */
export interface MalformedCertificateException {
  message?: string;
}

/** exception MalformedPolicyDocumentException */
export interface MalformedPolicyDocumentException {
  message?: string;
}

/** structure ManagedPolicyDetail */
export interface ManagedPolicyDetail {
  PolicyName?: string;
  PolicyId?: string;
  Arn?: string;
  Path?: string;
  DefaultVersionId?: string;
  AttachmentCount?: number;
  PermissionsBoundaryUsageCount?: number;
  IsAttachable?: boolean;
  Description?: string;
  CreateDate?: Date;
  UpdateDate?: Date;
  PolicyVersionList?: PolicyVersion[];
}

/** exception NoSuchEntityException */
export interface NoSuchEntityException {
  message?: string;
}

/** structure OpenIDConnectProviderListEntry */
export interface OpenIDConnectProviderListEntry {
  Arn?: string;
}

/** exception OpenIdIdpCommunicationErrorException */
export interface OpenIdIdpCommunicationErrorException {
  message?: string;
}

/** exception OrganizationNotFoundException */
export interface OrganizationNotFoundException {}

/** exception OrganizationNotInAllFeaturesModeException */
export interface OrganizationNotInAllFeaturesModeException {}

/** structure OrganizationsDecisionDetail */
export interface OrganizationsDecisionDetail {
  AllowedByOrganizations?: boolean;
}

/** structure PasswordPolicy */
export interface PasswordPolicy {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  ExpirePasswords?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** exception PasswordPolicyViolationException */
export interface PasswordPolicyViolationException {
  message?: string;
}

/** enum PermissionsBoundaryAttachmentType */
export type PermissionsBoundaryAttachmentType = "PermissionsBoundaryPolicy";

/** structure PermissionsBoundaryDecisionDetail */
export interface PermissionsBoundaryDecisionDetail {
  AllowedByPermissionsBoundary?: boolean;
}

/** structure Policy */
export interface Policy {
  PolicyName?: string;
  PolicyId?: string;
  Arn?: string;
  Path?: string;
  DefaultVersionId?: string;
  AttachmentCount?: number;
  PermissionsBoundaryUsageCount?: number;
  IsAttachable?: boolean;
  Description?: string;
  CreateDate?: Date;
  UpdateDate?: Date;
  Tags?: Tag[];
}

/** structure PolicyDetail */
export interface PolicyDetail {
  PolicyName?: string;
  PolicyDocument?: string;
}

/** enum PolicyEvaluationDecisionType */
export type PolicyEvaluationDecisionType = "allowed" | "explicitDeny" | "implicitDeny";

/** exception PolicyEvaluationException */
export interface PolicyEvaluationException {
  message?: string;
}

/** structure PolicyGrantingServiceAccess */
export interface PolicyGrantingServiceAccess {
  PolicyName: string;
  PolicyType: policyType;
  PolicyArn?: string;
  EntityType?: policyOwnerEntityType;
  EntityName?: string;
}

/** structure PolicyGroup */
export interface PolicyGroup {
  GroupName?: string;
  GroupId?: string;
}

/** exception PolicyNotAttachableException */
export interface PolicyNotAttachableException {
  message?: string;
}

/** structure PolicyParameter */
export interface PolicyParameter {
  Name?: string;
  Values?: string[];
  Type?: PolicyParameterTypeEnum;
}

/** enum PolicyParameterTypeEnum */
export type PolicyParameterTypeEnum = "string" | "stringList";

/** structure PolicyRole */
export interface PolicyRole {
  RoleName?: string;
  RoleId?: string;
}

/** enum PolicySourceType */
export type PolicySourceType = "user" | "group" | "role" | "aws-managed" | "user-managed" | "resource" | "none";

/** enum PolicyUsageType */
export type PolicyUsageType = "PermissionsPolicy" | "PermissionsBoundary";

/** structure PolicyUser */
export interface PolicyUser {
  UserName?: string;
  UserId?: string;
}

/** structure PolicyVersion */
export interface PolicyVersion {
  Document?: string;
  VersionId?: string;
  IsDefaultVersion?: boolean;
  CreateDate?: Date;
}

/** structure Position */
export interface Position {
  Line?: number;
  Column?: number;
}

/** structure PutGroupPolicyRequest */
export interface PutGroupPolicyRequest {
  GroupName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure PutRolePermissionsBoundaryRequest */
export interface PutRolePermissionsBoundaryRequest {
  RoleName: string;
  PermissionsBoundary: string;
}

/** structure PutRolePolicyRequest */
export interface PutRolePolicyRequest {
  RoleName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure PutUserPermissionsBoundaryRequest */
export interface PutUserPermissionsBoundaryRequest {
  UserName: string;
  PermissionsBoundary: string;
}

/** structure PutUserPolicyRequest */
export interface PutUserPolicyRequest {
  UserName: string;
  PolicyName: string;
  PolicyDocument: string;
}

/** structure RejectDelegationRequestRequest */
export interface RejectDelegationRequestRequest {
  DelegationRequestId: string;
  Notes?: string;
}

/** structure RemoveClientIDFromOpenIDConnectProviderRequest */
export interface RemoveClientIDFromOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  ClientID: string;
}

/** structure RemoveRoleFromInstanceProfileRequest */
export interface RemoveRoleFromInstanceProfileRequest {
  InstanceProfileName: string;
  RoleName: string;
}

/** structure RemoveUserFromGroupRequest */
export interface RemoveUserFromGroupRequest {
  GroupName: string;
  UserName: string;
}

/** enum ReportFormatType */
export type ReportFormatType = "text/csv";

/** exception ReportGenerationLimitExceededException */
export interface ReportGenerationLimitExceededException {
  message?: string;
}

/** enum ReportStateType */
export type ReportStateType = "STARTED" | "INPROGRESS" | "COMPLETE";

/** structure ResetServiceSpecificCredentialRequest */
export interface ResetServiceSpecificCredentialRequest {
  UserName?: string;
  ServiceSpecificCredentialId: string;
}

/** structure ResetServiceSpecificCredentialResponse */
export interface ResetServiceSpecificCredentialResponse {
  ServiceSpecificCredential?: ServiceSpecificCredential;
}

/** structure ResourceSpecificResult */
export interface ResourceSpecificResult {
  EvalResourceName: string;
  EvalResourceDecision: PolicyEvaluationDecisionType;
  MatchedStatements?: Statement[];
  MissingContextValues?: string[];
  EvalDecisionDetails?: Record<string, PolicyEvaluationDecisionType>;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
}

/** structure ResyncMFADeviceRequest */
export interface ResyncMFADeviceRequest {
  UserName: string;
  SerialNumber: string;
  AuthenticationCode1: string;
  AuthenticationCode2: string;
}

/** structure Role */
export interface Role {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: Date;
  AssumeRolePolicyDocument?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
  RoleLastUsed?: RoleLastUsed;
}

/** structure RoleDetail */
export interface RoleDetail {
  Path?: string;
  RoleName?: string;
  RoleId?: string;
  Arn?: string;
  CreateDate?: Date;
  AssumeRolePolicyDocument?: string;
  InstanceProfileList?: InstanceProfile[];
  RolePolicyList?: PolicyDetail[];
  AttachedManagedPolicies?: AttachedPolicy[];
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
  RoleLastUsed?: RoleLastUsed;
}

/** structure RoleLastUsed */
export interface RoleLastUsed {
  LastUsedDate?: Date;
  Region?: string;
}

/** structure RoleUsageType */
export interface RoleUsageType {
  Region?: string;
  Resources?: string[];
}

/** structure SAMLPrivateKey */
export interface SAMLPrivateKey {
  KeyId?: string;
  Timestamp?: Date;
}

/** structure SAMLProviderListEntry */
export interface SAMLProviderListEntry {
  Arn?: string;
  ValidUntil?: Date;
  CreateDate?: Date;
}

/** structure SSHPublicKey */
export interface SSHPublicKey {
  UserName: string;
  SSHPublicKeyId: string;
  Fingerprint: string;
  SSHPublicKeyBody: string;
  Status: statusType;
  UploadDate?: Date;
}

/** structure SSHPublicKeyMetadata */
export interface SSHPublicKeyMetadata {
  UserName: string;
  SSHPublicKeyId: string;
  Status: statusType;
  UploadDate: Date;
}

/** structure SendDelegationTokenRequest */
export interface SendDelegationTokenRequest {
  DelegationRequestId: string;
}

/** structure ServerCertificate */
export interface ServerCertificate {
  ServerCertificateMetadata: ServerCertificateMetadata;
  CertificateBody: string;
  CertificateChain?: string;
  Tags?: Tag[];
}

/** structure ServerCertificateMetadata */
export interface ServerCertificateMetadata {
  Path: string;
  ServerCertificateName: string;
  ServerCertificateId: string;
  Arn: string;
  UploadDate?: Date;
  Expiration?: Date;
}

/** exception ServiceAccessNotEnabledException */
export interface ServiceAccessNotEnabledException {}

/** exception ServiceFailureException */
export interface ServiceFailureException {
  message?: string;
}

/** structure ServiceLastAccessed */
export interface ServiceLastAccessed {
  ServiceName: string;
  LastAuthenticated?: Date;
  ServiceNamespace: string;
  LastAuthenticatedEntity?: string;
  LastAuthenticatedRegion?: string;
  TotalAuthenticatedEntities?: number;
  TrackedActionsLastAccessed?: TrackedActionLastAccessed[];
}

/** exception ServiceNotSupportedException */
export interface ServiceNotSupportedException {
  message?: string;
}

/** structure ServiceSpecificCredential */
export interface ServiceSpecificCredential {
  CreateDate: Date;
  ExpirationDate?: Date;
  ServiceName: string;
  ServiceUserName?: string;
  ServicePassword?: string;
  ServiceCredentialAlias?: string;
  ServiceCredentialSecret?: string;
  ServiceSpecificCredentialId: string;
  UserName: string;
  Status: statusType;
}

/** structure ServiceSpecificCredentialMetadata */
export interface ServiceSpecificCredentialMetadata {
  UserName: string;
  Status: statusType;
  ServiceUserName?: string;
  ServiceCredentialAlias?: string;
  CreateDate: Date;
  ExpirationDate?: Date;
  ServiceSpecificCredentialId: string;
  ServiceName: string;
}

/** structure SetDefaultPolicyVersionRequest */
export interface SetDefaultPolicyVersionRequest {
  PolicyArn: string;
  VersionId: string;
}

/** structure SetSecurityTokenServicePreferencesRequest */
export interface SetSecurityTokenServicePreferencesRequest {
  GlobalEndpointTokenVersion: globalEndpointTokenVersion;
}

/** structure SigningCertificate */
export interface SigningCertificate {
  UserName: string;
  CertificateId: string;
  CertificateBody: string;
  Status: statusType;
  UploadDate?: Date;
}

/** structure SimulateCustomPolicyRequest */
export interface SimulateCustomPolicyRequest {
  PolicyInputList: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

/** structure SimulatePolicyResponse */
export interface SimulatePolicyResponse {
  EvaluationResults?: EvaluationResult[];
  IsTruncated?: boolean;
  Marker?: string;
}

/** structure SimulatePrincipalPolicyRequest */
export interface SimulatePrincipalPolicyRequest {
  PolicySourceArn: string;
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

/** structure Statement */
export interface Statement {
  SourcePolicyId?: string;
  SourcePolicyType?: PolicySourceType;
  StartPosition?: Position;
  EndPosition?: Position;
}

/** structure Tag */
export interface Tag {
  Key: string;
  Value: string;
}

/** structure TagInstanceProfileRequest */
export interface TagInstanceProfileRequest {
  InstanceProfileName: string;
  Tags: Tag[];
}

/** structure TagMFADeviceRequest */
export interface TagMFADeviceRequest {
  SerialNumber: string;
  Tags: Tag[];
}

/** structure TagOpenIDConnectProviderRequest */
export interface TagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  Tags: Tag[];
}

/** structure TagPolicyRequest */
export interface TagPolicyRequest {
  PolicyArn: string;
  Tags: Tag[];
}

/** structure TagRoleRequest */
export interface TagRoleRequest {
  RoleName: string;
  Tags: Tag[];
}

/** structure TagSAMLProviderRequest */
export interface TagSAMLProviderRequest {
  SAMLProviderArn: string;
  Tags: Tag[];
}

/** structure TagServerCertificateRequest */
export interface TagServerCertificateRequest {
  ServerCertificateName: string;
  Tags: Tag[];
}

/** structure TagUserRequest */
export interface TagUserRequest {
  UserName: string;
  Tags: Tag[];
}

/** structure TrackedActionLastAccessed */
export interface TrackedActionLastAccessed {
  ActionName?: string;
  LastAccessedEntity?: string;
  LastAccessedTime?: Date;
  LastAccessedRegion?: string;
}

/** exception UnmodifiableEntityException */
export interface UnmodifiableEntityException {
  message?: string;
}

/** exception UnrecognizedPublicKeyEncodingException */
export interface UnrecognizedPublicKeyEncodingException {
  message?: string;
}

/** structure UntagInstanceProfileRequest */
export interface UntagInstanceProfileRequest {
  InstanceProfileName: string;
  TagKeys: string[];
}

/** structure UntagMFADeviceRequest */
export interface UntagMFADeviceRequest {
  SerialNumber: string;
  TagKeys: string[];
}

/** structure UntagOpenIDConnectProviderRequest */
export interface UntagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  TagKeys: string[];
}

/** structure UntagPolicyRequest */
export interface UntagPolicyRequest {
  PolicyArn: string;
  TagKeys: string[];
}

/** structure UntagRoleRequest */
export interface UntagRoleRequest {
  RoleName: string;
  TagKeys: string[];
}

/** structure UntagSAMLProviderRequest */
export interface UntagSAMLProviderRequest {
  SAMLProviderArn: string;
  TagKeys: string[];
}

/** structure UntagServerCertificateRequest */
export interface UntagServerCertificateRequest {
  ServerCertificateName: string;
  TagKeys: string[];
}

/** structure UntagUserRequest */
export interface UntagUserRequest {
  UserName: string;
  TagKeys: string[];
}

/** structure UpdateAccessKeyRequest */
export interface UpdateAccessKeyRequest {
  UserName?: string;
  AccessKeyId: string;
  Status: statusType;
}

/** structure UpdateAccountPasswordPolicyRequest */
export interface UpdateAccountPasswordPolicyRequest {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** structure UpdateAssumeRolePolicyRequest */
export interface UpdateAssumeRolePolicyRequest {
  RoleName: string;
  PolicyDocument: string;
}

/** structure UpdateDelegationRequestRequest */
export interface UpdateDelegationRequestRequest {
  DelegationRequestId: string;
  Notes?: string;
}

/** structure UpdateGroupRequest */
export interface UpdateGroupRequest {
  GroupName: string;
  NewPath?: string;
  NewGroupName?: string;
}

/** structure UpdateLoginProfileRequest */
export interface UpdateLoginProfileRequest {
  UserName: string;
  Password?: string;
  PasswordResetRequired?: boolean;
}

/** structure UpdateOpenIDConnectProviderThumbprintRequest */
export interface UpdateOpenIDConnectProviderThumbprintRequest {
  OpenIDConnectProviderArn: string;
  ThumbprintList: string[];
}

/** structure UpdateRoleDescriptionRequest */
export interface UpdateRoleDescriptionRequest {
  RoleName: string;
  Description: string;
}

/** structure UpdateRoleDescriptionResponse */
export interface UpdateRoleDescriptionResponse {
  Role?: Role;
}

/** structure UpdateRoleRequest */
export interface UpdateRoleRequest {
  RoleName: string;
  Description?: string;
  MaxSessionDuration?: number;
}

/** structure UpdateRoleResponse */
export interface UpdateRoleResponse {}

/** structure UpdateSAMLProviderRequest */
export interface UpdateSAMLProviderRequest {
  SAMLMetadataDocument?: string;
  SAMLProviderArn: string;
  AssertionEncryptionMode?: assertionEncryptionModeType;
  AddPrivateKey?: string;
  RemovePrivateKey?: string;
}

/** structure UpdateSAMLProviderResponse */
export interface UpdateSAMLProviderResponse {
  SAMLProviderArn?: string;
}

/** structure UpdateSSHPublicKeyRequest */
export interface UpdateSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
  Status: statusType;
}

/** structure UpdateServerCertificateRequest */
export interface UpdateServerCertificateRequest {
  ServerCertificateName: string;
  NewPath?: string;
  NewServerCertificateName?: string;
}

/** structure UpdateServiceSpecificCredentialRequest */
export interface UpdateServiceSpecificCredentialRequest {
  UserName?: string;
  ServiceSpecificCredentialId: string;
  Status: statusType;
}

/** structure UpdateSigningCertificateRequest */
export interface UpdateSigningCertificateRequest {
  UserName?: string;
  CertificateId: string;
  Status: statusType;
}

/** structure UpdateUserRequest */
export interface UpdateUserRequest {
  UserName: string;
  NewPath?: string;
  NewUserName?: string;
}

/** structure UploadSSHPublicKeyRequest */
export interface UploadSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyBody: string;
}

/** structure UploadSSHPublicKeyResponse */
export interface UploadSSHPublicKeyResponse {
  SSHPublicKey?: SSHPublicKey;
}

/** structure UploadServerCertificateRequest */
export interface UploadServerCertificateRequest {
  Path?: string;
  ServerCertificateName: string;
  CertificateBody: string;
  PrivateKey: string;
  CertificateChain?: string;
  Tags?: Tag[];
}

/** structure UploadServerCertificateResponse */
export interface UploadServerCertificateResponse {
  ServerCertificateMetadata?: ServerCertificateMetadata;
  Tags?: Tag[];
}

/** structure UploadSigningCertificateRequest */
export interface UploadSigningCertificateRequest {
  UserName?: string;
  CertificateBody: string;
}

/** structure UploadSigningCertificateResponse */
export interface UploadSigningCertificateResponse {
  Certificate: SigningCertificate;
}

/** structure User */
export interface User {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: Date;
  PasswordLastUsed?: Date;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
}

/** structure UserDetail */
export interface UserDetail {
  Path?: string;
  UserName?: string;
  UserId?: string;
  Arn?: string;
  CreateDate?: Date;
  UserPolicyList?: PolicyDetail[];
  GroupList?: string[];
  AttachedManagedPolicies?: AttachedPolicy[];
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
}

/** structure VirtualMFADevice */
export interface VirtualMFADevice {
  SerialNumber: string;
  Base32StringSeed?: Uint8Array;
  QRCodePNG?: Uint8Array;
  User?: User;
  EnableDate?: Date;
  Tags?: Tag[];
}

/** enum assertionEncryptionModeType */
export type assertionEncryptionModeType = "Required" | "Allowed";

/** enum assignmentStatusType */
export type assignmentStatusType = "Assigned" | "Unassigned" | "Any";

/** enum encodingType */
export type encodingType = "SSH" | "PEM";

/** enum globalEndpointTokenVersion */
export type globalEndpointTokenVersion = "v1Token" | "v2Token";

/** enum jobStatusType */
export type jobStatusType = "IN_PROGRESS" | "COMPLETED" | "FAILED";

/** enum permissionCheckResultType */
export type permissionCheckResultType = "ALLOWED" | "DENIED" | "UNSURE";

/** enum permissionCheckStatusType */
export type permissionCheckStatusType = "COMPLETE" | "IN_PROGRESS" | "FAILED";

/** enum policyOwnerEntityType */
export type policyOwnerEntityType = "USER" | "ROLE" | "GROUP";

/** enum policyScopeType */
export type policyScopeType = "All" | "AWS" | "Local";

/** enum policyType */
export type policyType = "INLINE" | "MANAGED";

/** enum sortKeyType */
export type sortKeyType = "SERVICE_NAMESPACE_ASCENDING" | "SERVICE_NAMESPACE_DESCENDING" | "LAST_AUTHENTICATED_TIME_ASCENDING" | "LAST_AUTHENTICATED_TIME_DESCENDING";

/** enum stateType */
export type stateType = "UNASSIGNED" | "ASSIGNED" | "PENDING_APPROVAL" | "FINALIZED" | "ACCEPTED" | "REJECTED" | "EXPIRED";

/** enum statusType */
export type statusType = "Active" | "Inactive" | "Expired";

/** enum summaryKeyType */
export type summaryKeyType = "Users" | "UsersQuota" | "Groups" | "GroupsQuota" | "ServerCertificates" | "ServerCertificatesQuota" | "UserPolicySizeQuota" | "GroupPolicySizeQuota" | "GroupsPerUserQuota" | "SigningCertificatesPerUserQuota" | "AccessKeysPerUserQuota" | "MFADevices" | "MFADevicesInUse" | "AccountMFAEnabled" | "AccountAccessKeysPresent" | "AccountPasswordPresent" | "AccountSigningCertificatesPresent" | "AttachedPoliciesPerGroupQuota" | "AttachedPoliciesPerRoleQuota" | "AttachedPoliciesPerUserQuota" | "Policies" | "PoliciesQuota" | "PolicySizeQuota" | "PolicyVersionsInUse" | "PolicyVersionsInUseQuota" | "VersionsPerPolicyQuota" | "GlobalEndpointTokenVersion" | "AssumeRolePolicySizeQuota" | "InstanceProfiles" | "InstanceProfilesQuota" | "Providers" | "RolePolicySizeQuota" | "Roles" | "RolesQuota";

/** enum summaryStateType */
export type summaryStateType = "AVAILABLE" | "NOT_AVAILABLE" | "NOT_SUPPORTED" | "FAILED";

/** Every IAM operation's input and output; `Record<string, never>` means none on the wire. */
export interface IamOperations {
  AcceptDelegationRequest: { input: AcceptDelegationRequestRequest; output: Record<string, never> };
  AddClientIDToOpenIDConnectProvider: { input: AddClientIDToOpenIDConnectProviderRequest; output: Record<string, never> };
  AddRoleToInstanceProfile: { input: AddRoleToInstanceProfileRequest; output: Record<string, never> };
  AddUserToGroup: { input: AddUserToGroupRequest; output: Record<string, never> };
  AssociateDelegationRequest: { input: AssociateDelegationRequestRequest; output: Record<string, never> };
  AttachGroupPolicy: { input: AttachGroupPolicyRequest; output: Record<string, never> };
  AttachRolePolicy: { input: AttachRolePolicyRequest; output: Record<string, never> };
  AttachUserPolicy: { input: AttachUserPolicyRequest; output: Record<string, never> };
  ChangePassword: { input: ChangePasswordRequest; output: Record<string, never> };
  CreateAccessKey: { input: CreateAccessKeyRequest; output: CreateAccessKeyResponse };
  CreateAccountAlias: { input: CreateAccountAliasRequest; output: Record<string, never> };
  CreateDelegationRequest: { input: CreateDelegationRequestRequest; output: CreateDelegationRequestResponse };
  CreateGroup: { input: CreateGroupRequest; output: CreateGroupResponse };
  CreateInstanceProfile: { input: CreateInstanceProfileRequest; output: CreateInstanceProfileResponse };
  CreateLoginProfile: { input: CreateLoginProfileRequest; output: CreateLoginProfileResponse };
  CreateOpenIDConnectProvider: { input: CreateOpenIDConnectProviderRequest; output: CreateOpenIDConnectProviderResponse };
  CreatePolicy: { input: CreatePolicyRequest; output: CreatePolicyResponse };
  CreatePolicyVersion: { input: CreatePolicyVersionRequest; output: CreatePolicyVersionResponse };
  CreateRole: { input: CreateRoleRequest; output: CreateRoleResponse };
  CreateSAMLProvider: { input: CreateSAMLProviderRequest; output: CreateSAMLProviderResponse };
  CreateServiceLinkedRole: { input: CreateServiceLinkedRoleRequest; output: CreateServiceLinkedRoleResponse };
  CreateServiceSpecificCredential: { input: CreateServiceSpecificCredentialRequest; output: CreateServiceSpecificCredentialResponse };
  CreateUser: { input: CreateUserRequest; output: CreateUserResponse };
  CreateVirtualMFADevice: { input: CreateVirtualMFADeviceRequest; output: CreateVirtualMFADeviceResponse };
  DeactivateMFADevice: { input: DeactivateMFADeviceRequest; output: Record<string, never> };
  DeleteAccessKey: { input: DeleteAccessKeyRequest; output: Record<string, never> };
  DeleteAccountAlias: { input: DeleteAccountAliasRequest; output: Record<string, never> };
  DeleteAccountPasswordPolicy: { input: Record<string, never>; output: Record<string, never> };
  DeleteGroup: { input: DeleteGroupRequest; output: Record<string, never> };
  DeleteGroupPolicy: { input: DeleteGroupPolicyRequest; output: Record<string, never> };
  DeleteInstanceProfile: { input: DeleteInstanceProfileRequest; output: Record<string, never> };
  DeleteLoginProfile: { input: DeleteLoginProfileRequest; output: Record<string, never> };
  DeleteOpenIDConnectProvider: { input: DeleteOpenIDConnectProviderRequest; output: Record<string, never> };
  DeletePolicy: { input: DeletePolicyRequest; output: Record<string, never> };
  DeletePolicyVersion: { input: DeletePolicyVersionRequest; output: Record<string, never> };
  DeleteRole: { input: DeleteRoleRequest; output: Record<string, never> };
  DeleteRolePermissionsBoundary: { input: DeleteRolePermissionsBoundaryRequest; output: Record<string, never> };
  DeleteRolePolicy: { input: DeleteRolePolicyRequest; output: Record<string, never> };
  DeleteSAMLProvider: { input: DeleteSAMLProviderRequest; output: Record<string, never> };
  DeleteSSHPublicKey: { input: DeleteSSHPublicKeyRequest; output: Record<string, never> };
  DeleteServerCertificate: { input: DeleteServerCertificateRequest; output: Record<string, never> };
  DeleteServiceLinkedRole: { input: DeleteServiceLinkedRoleRequest; output: DeleteServiceLinkedRoleResponse };
  DeleteServiceSpecificCredential: { input: DeleteServiceSpecificCredentialRequest; output: Record<string, never> };
  DeleteSigningCertificate: { input: DeleteSigningCertificateRequest; output: Record<string, never> };
  DeleteUser: { input: DeleteUserRequest; output: Record<string, never> };
  DeleteUserPermissionsBoundary: { input: DeleteUserPermissionsBoundaryRequest; output: Record<string, never> };
  DeleteUserPolicy: { input: DeleteUserPolicyRequest; output: Record<string, never> };
  DeleteVirtualMFADevice: { input: DeleteVirtualMFADeviceRequest; output: Record<string, never> };
  DetachGroupPolicy: { input: DetachGroupPolicyRequest; output: Record<string, never> };
  DetachRolePolicy: { input: DetachRolePolicyRequest; output: Record<string, never> };
  DetachUserPolicy: { input: DetachUserPolicyRequest; output: Record<string, never> };
  DisableOrganizationsRootCredentialsManagement: { input: DisableOrganizationsRootCredentialsManagementRequest; output: DisableOrganizationsRootCredentialsManagementResponse };
  DisableOrganizationsRootSessions: { input: DisableOrganizationsRootSessionsRequest; output: DisableOrganizationsRootSessionsResponse };
  DisableOutboundWebIdentityFederation: { input: Record<string, never>; output: Record<string, never> };
  EnableMFADevice: { input: EnableMFADeviceRequest; output: Record<string, never> };
  EnableOrganizationsRootCredentialsManagement: { input: EnableOrganizationsRootCredentialsManagementRequest; output: EnableOrganizationsRootCredentialsManagementResponse };
  EnableOrganizationsRootSessions: { input: EnableOrganizationsRootSessionsRequest; output: EnableOrganizationsRootSessionsResponse };
  EnableOutboundWebIdentityFederation: { input: Record<string, never>; output: EnableOutboundWebIdentityFederationResponse };
  GenerateCredentialReport: { input: Record<string, never>; output: GenerateCredentialReportResponse };
  GenerateOrganizationsAccessReport: { input: GenerateOrganizationsAccessReportRequest; output: GenerateOrganizationsAccessReportResponse };
  GenerateServiceLastAccessedDetails: { input: GenerateServiceLastAccessedDetailsRequest; output: GenerateServiceLastAccessedDetailsResponse };
  GetAccessKeyLastUsed: { input: GetAccessKeyLastUsedRequest; output: GetAccessKeyLastUsedResponse };
  GetAccountAuthorizationDetails: { input: GetAccountAuthorizationDetailsRequest; output: GetAccountAuthorizationDetailsResponse };
  GetAccountPasswordPolicy: { input: Record<string, never>; output: GetAccountPasswordPolicyResponse };
  GetAccountSummary: { input: Record<string, never>; output: GetAccountSummaryResponse };
  GetContextKeysForCustomPolicy: { input: GetContextKeysForCustomPolicyRequest; output: GetContextKeysForPolicyResponse };
  GetContextKeysForPrincipalPolicy: { input: GetContextKeysForPrincipalPolicyRequest; output: GetContextKeysForPolicyResponse };
  GetCredentialReport: { input: Record<string, never>; output: GetCredentialReportResponse };
  GetDelegationRequest: { input: GetDelegationRequestRequest; output: GetDelegationRequestResponse };
  GetGroup: { input: GetGroupRequest; output: GetGroupResponse };
  GetGroupPolicy: { input: GetGroupPolicyRequest; output: GetGroupPolicyResponse };
  GetHumanReadableSummary: { input: GetHumanReadableSummaryRequest; output: GetHumanReadableSummaryResponse };
  GetInstanceProfile: { input: GetInstanceProfileRequest; output: GetInstanceProfileResponse };
  GetLoginProfile: { input: GetLoginProfileRequest; output: GetLoginProfileResponse };
  GetMFADevice: { input: GetMFADeviceRequest; output: GetMFADeviceResponse };
  GetOpenIDConnectProvider: { input: GetOpenIDConnectProviderRequest; output: GetOpenIDConnectProviderResponse };
  GetOrganizationsAccessReport: { input: GetOrganizationsAccessReportRequest; output: GetOrganizationsAccessReportResponse };
  GetOutboundWebIdentityFederationInfo: { input: Record<string, never>; output: GetOutboundWebIdentityFederationInfoResponse };
  GetPolicy: { input: GetPolicyRequest; output: GetPolicyResponse };
  GetPolicyVersion: { input: GetPolicyVersionRequest; output: GetPolicyVersionResponse };
  GetRole: { input: GetRoleRequest; output: GetRoleResponse };
  GetRolePolicy: { input: GetRolePolicyRequest; output: GetRolePolicyResponse };
  GetSAMLProvider: { input: GetSAMLProviderRequest; output: GetSAMLProviderResponse };
  GetSSHPublicKey: { input: GetSSHPublicKeyRequest; output: GetSSHPublicKeyResponse };
  GetServerCertificate: { input: GetServerCertificateRequest; output: GetServerCertificateResponse };
  GetServiceLastAccessedDetails: { input: GetServiceLastAccessedDetailsRequest; output: GetServiceLastAccessedDetailsResponse };
  GetServiceLastAccessedDetailsWithEntities: { input: GetServiceLastAccessedDetailsWithEntitiesRequest; output: GetServiceLastAccessedDetailsWithEntitiesResponse };
  GetServiceLinkedRoleDeletionStatus: { input: GetServiceLinkedRoleDeletionStatusRequest; output: GetServiceLinkedRoleDeletionStatusResponse };
  GetUser: { input: GetUserRequest; output: GetUserResponse };
  GetUserPolicy: { input: GetUserPolicyRequest; output: GetUserPolicyResponse };
  ListAccessKeys: { input: ListAccessKeysRequest; output: ListAccessKeysResponse };
  ListAccountAliases: { input: ListAccountAliasesRequest; output: ListAccountAliasesResponse };
  ListAttachedGroupPolicies: { input: ListAttachedGroupPoliciesRequest; output: ListAttachedGroupPoliciesResponse };
  ListAttachedRolePolicies: { input: ListAttachedRolePoliciesRequest; output: ListAttachedRolePoliciesResponse };
  ListAttachedUserPolicies: { input: ListAttachedUserPoliciesRequest; output: ListAttachedUserPoliciesResponse };
  ListDelegationRequests: { input: ListDelegationRequestsRequest; output: ListDelegationRequestsResponse };
  ListEntitiesForPolicy: { input: ListEntitiesForPolicyRequest; output: ListEntitiesForPolicyResponse };
  ListGroupPolicies: { input: ListGroupPoliciesRequest; output: ListGroupPoliciesResponse };
  ListGroups: { input: ListGroupsRequest; output: ListGroupsResponse };
  ListGroupsForUser: { input: ListGroupsForUserRequest; output: ListGroupsForUserResponse };
  ListInstanceProfileTags: { input: ListInstanceProfileTagsRequest; output: ListInstanceProfileTagsResponse };
  ListInstanceProfiles: { input: ListInstanceProfilesRequest; output: ListInstanceProfilesResponse };
  ListInstanceProfilesForRole: { input: ListInstanceProfilesForRoleRequest; output: ListInstanceProfilesForRoleResponse };
  ListMFADeviceTags: { input: ListMFADeviceTagsRequest; output: ListMFADeviceTagsResponse };
  ListMFADevices: { input: ListMFADevicesRequest; output: ListMFADevicesResponse };
  ListOpenIDConnectProviderTags: { input: ListOpenIDConnectProviderTagsRequest; output: ListOpenIDConnectProviderTagsResponse };
  ListOpenIDConnectProviders: { input: ListOpenIDConnectProvidersRequest; output: ListOpenIDConnectProvidersResponse };
  ListOrganizationsFeatures: { input: ListOrganizationsFeaturesRequest; output: ListOrganizationsFeaturesResponse };
  ListPolicies: { input: ListPoliciesRequest; output: ListPoliciesResponse };
  ListPoliciesGrantingServiceAccess: { input: ListPoliciesGrantingServiceAccessRequest; output: ListPoliciesGrantingServiceAccessResponse };
  ListPolicyTags: { input: ListPolicyTagsRequest; output: ListPolicyTagsResponse };
  ListPolicyVersions: { input: ListPolicyVersionsRequest; output: ListPolicyVersionsResponse };
  ListRolePolicies: { input: ListRolePoliciesRequest; output: ListRolePoliciesResponse };
  ListRoleTags: { input: ListRoleTagsRequest; output: ListRoleTagsResponse };
  ListRoles: { input: ListRolesRequest; output: ListRolesResponse };
  ListSAMLProviderTags: { input: ListSAMLProviderTagsRequest; output: ListSAMLProviderTagsResponse };
  ListSAMLProviders: { input: ListSAMLProvidersRequest; output: ListSAMLProvidersResponse };
  ListSSHPublicKeys: { input: ListSSHPublicKeysRequest; output: ListSSHPublicKeysResponse };
  ListServerCertificateTags: { input: ListServerCertificateTagsRequest; output: ListServerCertificateTagsResponse };
  ListServerCertificates: { input: ListServerCertificatesRequest; output: ListServerCertificatesResponse };
  ListServiceSpecificCredentials: { input: ListServiceSpecificCredentialsRequest; output: ListServiceSpecificCredentialsResponse };
  ListSigningCertificates: { input: ListSigningCertificatesRequest; output: ListSigningCertificatesResponse };
  ListUserPolicies: { input: ListUserPoliciesRequest; output: ListUserPoliciesResponse };
  ListUserTags: { input: ListUserTagsRequest; output: ListUserTagsResponse };
  ListUsers: { input: ListUsersRequest; output: ListUsersResponse };
  ListVirtualMFADevices: { input: ListVirtualMFADevicesRequest; output: ListVirtualMFADevicesResponse };
  PutGroupPolicy: { input: PutGroupPolicyRequest; output: Record<string, never> };
  PutRolePermissionsBoundary: { input: PutRolePermissionsBoundaryRequest; output: Record<string, never> };
  PutRolePolicy: { input: PutRolePolicyRequest; output: Record<string, never> };
  PutUserPermissionsBoundary: { input: PutUserPermissionsBoundaryRequest; output: Record<string, never> };
  PutUserPolicy: { input: PutUserPolicyRequest; output: Record<string, never> };
  RejectDelegationRequest: { input: RejectDelegationRequestRequest; output: Record<string, never> };
  RemoveClientIDFromOpenIDConnectProvider: { input: RemoveClientIDFromOpenIDConnectProviderRequest; output: Record<string, never> };
  RemoveRoleFromInstanceProfile: { input: RemoveRoleFromInstanceProfileRequest; output: Record<string, never> };
  RemoveUserFromGroup: { input: RemoveUserFromGroupRequest; output: Record<string, never> };
  ResetServiceSpecificCredential: { input: ResetServiceSpecificCredentialRequest; output: ResetServiceSpecificCredentialResponse };
  ResyncMFADevice: { input: ResyncMFADeviceRequest; output: Record<string, never> };
  SendDelegationToken: { input: SendDelegationTokenRequest; output: Record<string, never> };
  SetDefaultPolicyVersion: { input: SetDefaultPolicyVersionRequest; output: Record<string, never> };
  SetSecurityTokenServicePreferences: { input: SetSecurityTokenServicePreferencesRequest; output: Record<string, never> };
  SimulateCustomPolicy: { input: SimulateCustomPolicyRequest; output: SimulatePolicyResponse };
  SimulatePrincipalPolicy: { input: SimulatePrincipalPolicyRequest; output: SimulatePolicyResponse };
  TagInstanceProfile: { input: TagInstanceProfileRequest; output: Record<string, never> };
  TagMFADevice: { input: TagMFADeviceRequest; output: Record<string, never> };
  TagOpenIDConnectProvider: { input: TagOpenIDConnectProviderRequest; output: Record<string, never> };
  TagPolicy: { input: TagPolicyRequest; output: Record<string, never> };
  TagRole: { input: TagRoleRequest; output: Record<string, never> };
  TagSAMLProvider: { input: TagSAMLProviderRequest; output: Record<string, never> };
  TagServerCertificate: { input: TagServerCertificateRequest; output: Record<string, never> };
  TagUser: { input: TagUserRequest; output: Record<string, never> };
  UntagInstanceProfile: { input: UntagInstanceProfileRequest; output: Record<string, never> };
  UntagMFADevice: { input: UntagMFADeviceRequest; output: Record<string, never> };
  UntagOpenIDConnectProvider: { input: UntagOpenIDConnectProviderRequest; output: Record<string, never> };
  UntagPolicy: { input: UntagPolicyRequest; output: Record<string, never> };
  UntagRole: { input: UntagRoleRequest; output: Record<string, never> };
  UntagSAMLProvider: { input: UntagSAMLProviderRequest; output: Record<string, never> };
  UntagServerCertificate: { input: UntagServerCertificateRequest; output: Record<string, never> };
  UntagUser: { input: UntagUserRequest; output: Record<string, never> };
  UpdateAccessKey: { input: UpdateAccessKeyRequest; output: Record<string, never> };
  UpdateAccountPasswordPolicy: { input: UpdateAccountPasswordPolicyRequest; output: Record<string, never> };
  UpdateAssumeRolePolicy: { input: UpdateAssumeRolePolicyRequest; output: Record<string, never> };
  UpdateDelegationRequest: { input: UpdateDelegationRequestRequest; output: Record<string, never> };
  UpdateGroup: { input: UpdateGroupRequest; output: Record<string, never> };
  UpdateLoginProfile: { input: UpdateLoginProfileRequest; output: Record<string, never> };
  UpdateOpenIDConnectProviderThumbprint: { input: UpdateOpenIDConnectProviderThumbprintRequest; output: Record<string, never> };
  UpdateRole: { input: UpdateRoleRequest; output: UpdateRoleResponse };
  UpdateRoleDescription: { input: UpdateRoleDescriptionRequest; output: UpdateRoleDescriptionResponse };
  UpdateSAMLProvider: { input: UpdateSAMLProviderRequest; output: UpdateSAMLProviderResponse };
  UpdateSSHPublicKey: { input: UpdateSSHPublicKeyRequest; output: Record<string, never> };
  UpdateServerCertificate: { input: UpdateServerCertificateRequest; output: Record<string, never> };
  UpdateServiceSpecificCredential: { input: UpdateServiceSpecificCredentialRequest; output: Record<string, never> };
  UpdateSigningCertificate: { input: UpdateSigningCertificateRequest; output: Record<string, never> };
  UpdateUser: { input: UpdateUserRequest; output: Record<string, never> };
  UploadSSHPublicKey: { input: UploadSSHPublicKeyRequest; output: UploadSSHPublicKeyResponse };
  UploadServerCertificate: { input: UploadServerCertificateRequest; output: UploadServerCertificateResponse };
  UploadSigningCertificate: { input: UploadSigningCertificateRequest; output: UploadSigningCertificateResponse };
}

/** Names of the IAM operations. */
export type IamOperationName = keyof IamOperations;

/** Exception shape names of IAM, for the typed error helpers. */
export type IamErrorShape =
  | "AccountNotManagementOrDelegatedAdministratorException"
  | "CallerIsNotManagementAccountException"
  | "ConcurrentModificationException"
  | "CredentialReportExpiredException"
  | "CredentialReportNotPresentException"
  | "CredentialReportNotReadyException"
  | "DeleteConflictException"
  | "DuplicateCertificateException"
  | "DuplicateSSHPublicKeyException"
  | "EntityAlreadyExistsException"
  | "EntityTemporarilyUnmodifiableException"
  | "FeatureDisabledException"
  | "FeatureEnabledException"
  | "InvalidAuthenticationCodeException"
  | "InvalidCertificateException"
  | "InvalidInputException"
  | "InvalidPublicKeyException"
  | "InvalidUserTypeException"
  | "KeyPairMismatchException"
  | "LimitExceededException"
  | "MalformedCertificateException"
  | "MalformedPolicyDocumentException"
  | "NoSuchEntityException"
  | "OpenIdIdpCommunicationErrorException"
  | "OrganizationNotFoundException"
  | "OrganizationNotInAllFeaturesModeException"
  | "PasswordPolicyViolationException"
  | "PolicyEvaluationException"
  | "PolicyNotAttachableException"
  | "ReportGenerationLimitExceededException"
  | "ServiceAccessNotEnabledException"
  | "ServiceFailureException"
  | "ServiceNotSupportedException"
  | "UnmodifiableEntityException"
  | "UnrecognizedPublicKeyEncodingException";
