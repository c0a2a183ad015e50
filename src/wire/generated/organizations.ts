// generated — do not edit; run npm run models:gen
// Source: src/wire/models/ (Organizations 2016-11-28).

/** exception AWSOrganizationsNotInUseException */
export interface AWSOrganizationsNotInUseException {
  Message?: string;
}

/** structure AcceptHandshakeRequest */
export interface AcceptHandshakeRequest {
  HandshakeId: string;
}

/** structure AcceptHandshakeResponse */
export interface AcceptHandshakeResponse {
  Handshake?: Handshake;
}

/** exception AccessDeniedException */
export interface AccessDeniedException {
  Message?: string;
}

/** exception AccessDeniedForDependencyException */
export interface AccessDeniedForDependencyException {
  Message?: string;
  Reason?: AccessDeniedForDependencyExceptionReason;
}

/** enum AccessDeniedForDependencyExceptionReason */
export type AccessDeniedForDependencyExceptionReason = "ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE";

/** structure Account */
export interface Account {
  Id?: string;
  Arn?: string;
  Email?: string;
  Name?: string;
  Status?: AccountStatus;
  State?: AccountState;
  Paths?: string[];
  JoinedMethod?: AccountJoinedMethod;
  JoinedTimestamp?: Date;
}

/** exception AccountAlreadyClosedException */
export interface AccountAlreadyClosedException {
  Message?: string;
}

/** exception AccountAlreadyRegisteredException */
export interface AccountAlreadyRegisteredException {
  Message?: string;
}

/** enum AccountJoinedMethod */
export type AccountJoinedMethod = "INVITED" | "CREATED";

/** exception AccountNotFoundException */
export interface AccountNotFoundException {
  Message?: string;
}

/** exception AccountNotRegisteredException */
export interface AccountNotRegisteredException {
  Message?: string;
}

/** exception AccountOwnerNotVerifiedException */
export interface AccountOwnerNotVerifiedException {
  Message?: string;
}

/** enum AccountState */
export type AccountState = "PENDING_ACTIVATION" | "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";

/** enum AccountStatus */
export type AccountStatus = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE";

/** enum ActionType */
export type ActionType = "INVITE" | "ENABLE_ALL_FEATURES" | "APPROVE_ALL_FEATURES" | "ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE" | "TRANSFER_RESPONSIBILITY";

/** exception AlreadyInOrganizationException */
export interface AlreadyInOrganizationException {
  Message?: string;
}

/** structure AttachPolicyRequest */
export interface AttachPolicyRequest {
  PolicyId: string;
  TargetId: string;
}

/** structure CancelHandshakeRequest */
export interface CancelHandshakeRequest {
  HandshakeId: string;
}

/** structure CancelHandshakeResponse */
export interface CancelHandshakeResponse {
  Handshake?: Handshake;
}

/** structure Child */
export interface Child {
  Id?: string;
  Type?: ChildType;
}

/** exception ChildNotFoundException */
export interface ChildNotFoundException {
  Message?: string;
}

/** enum ChildType */
export type ChildType = "ACCOUNT" | "ORGANIZATIONAL_UNIT";

/** structure CloseAccountRequest */
export interface CloseAccountRequest {
  AccountId: string;
}

/** exception ConcurrentModificationException */
export interface ConcurrentModificationException {
  Message?: string;
}

/** exception ConflictException */
export interface ConflictException {
  Message?: string;
}

/** exception ConstraintViolationException */
export interface ConstraintViolationException {
  Message?: string;
  Reason?: ConstraintViolationExceptionReason;
}

/** enum ConstraintViolationExceptionReason */
export type ConstraintViolationExceptionReason = "ACCOUNT_NUMBER_LIMIT_EXCEEDED" | "HANDSHAKE_RATE_LIMIT_EXCEEDED" | "OU_NUMBER_LIMIT_EXCEEDED" | "OU_DEPTH_LIMIT_EXCEEDED" | "POLICY_NUMBER_LIMIT_EXCEEDED" | "POLICY_CONTENT_LIMIT_EXCEEDED" | "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" | "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" | "ACCOUNT_CANNOT_LEAVE_ORGANIZATION" | "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA" | "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION" | "MASTER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED" | "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED" | "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED" | "MASTER_ACCOUNT_ADDRESS_DOES_NOT_MATCH_MARKETPLACE" | "MASTER_ACCOUNT_MISSING_CONTACT_INFO" | "MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED" | "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE" | "CREATE_ORGANIZATION_IN_BILLING_MODE_UNSUPPORTED_REGION" | "EMAIL_VERIFICATION_CODE_EXPIRED" | "WAIT_PERIOD_ACTIVE" | "MAX_TAG_LIMIT_EXCEEDED" | "TAG_POLICY_VIOLATION" | "MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED" | "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR" | "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG" | "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE" | "POLICY_TYPE_ENABLED_FOR_THIS_SERVICE" | "MASTER_ACCOUNT_MISSING_BUSINESS_LICENSE" | "CANNOT_CLOSE_MANAGEMENT_ACCOUNT" | "CLOSE_ACCOUNT_QUOTA_EXCEEDED" | "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED" | "SERVICE_ACCESS_NOT_ENABLED" | "INVALID_PAYMENT_INSTRUMENT" | "ACCOUNT_CREATION_NOT_COMPLETE" | "CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR" | "ALL_FEATURES_MIGRATION_ORGANIZATION_SIZE_LIMIT_EXCEEDED" | "RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION" | "RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION" | "RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION" | "RESPONSIBILITY_TRANSFER_MAX_TRANSFERS_QUOTA_VIOLATION" | "ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS" | "TRANSFER_RESPONSIBILITY_TARGET_DELETION_IN_PROGRESS" | "TRANSFER_RESPONSIBILITY_SOURCE_DELETION_IN_PROGRESS" | "UNSUPPORTED_PRICING";

/** enum CreateAccountFailureReason */
export type CreateAccountFailureReason = "ACCOUNT_LIMIT_EXCEEDED" | "EMAIL_ALREADY_EXISTS" | "INVALID_ADDRESS" | "INVALID_EMAIL" | "CONCURRENT_ACCOUNT_MODIFICATION" | "INTERNAL_FAILURE" | "GOVCLOUD_ACCOUNT_ALREADY_EXISTS" | "MISSING_BUSINESS_VALIDATION" | "FAILED_BUSINESS_VALIDATION" | "PENDING_BUSINESS_VALIDATION" | "INVALID_IDENTITY_FOR_BUSINESS_VALIDATION" | "UNKNOWN_BUSINESS_VALIDATION" | "MISSING_PAYMENT_INSTRUMENT" | "INVALID_PAYMENT_INSTRUMENT" | "UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED";

/** structure CreateAccountRequest */
export interface CreateAccountRequest {
  Email: string;
  AccountName: string;
  RoleName?: string;
  IamUserAccessToBilling?: IAMUserAccessToBilling;
  Tags?: Tag[];
}

/** structure CreateAccountResponse */
export interface CreateAccountResponse {
  CreateAccountStatus?: CreateAccountStatus;
}

/** enum CreateAccountState */
export type CreateAccountState = "IN_PROGRESS" | "SUCCEEDED" | "FAILED";

/** structure CreateAccountStatus */
export interface CreateAccountStatus {
  Id?: string;
  AccountName?: string;
  State?: CreateAccountState;
  RequestedTimestamp?: Date;
  CompletedTimestamp?: Date;
  AccountId?: string;
  GovCloudAccountId?: string;
  FailureReason?: CreateAccountFailureReason;
}

/** exception CreateAccountStatusNotFoundException */
export interface CreateAccountStatusNotFoundException {
  Message?: string;
}

/** structure CreateGovCloudAccountRequest */
export interface CreateGovCloudAccountRequest {
  Email: string;
  AccountName: string;
  RoleName?: string;
  IamUserAccessToBilling?: IAMUserAccessToBilling;
  Tags?: Tag[];
}

/** structure CreateGovCloudAccountResponse */
export interface CreateGovCloudAccountResponse {
  CreateAccountStatus?: CreateAccountStatus;
}

/** structure CreateOrganizationRequest */
export interface CreateOrganizationRequest {
  FeatureSet?: OrganizationFeatureSet;
}

/** structure CreateOrganizationResponse */
export interface CreateOrganizationResponse {
  Organization?: Organization;
}

/** structure CreateOrganizationalUnitRequest */
export interface CreateOrganizationalUnitRequest {
  ParentId: string;
  Name: string;
  Tags?: Tag[];
}

/** structure CreateOrganizationalUnitResponse */
export interface CreateOrganizationalUnitResponse {
  OrganizationalUnit?: OrganizationalUnit;
}

/** structure CreatePolicyRequest */
export interface CreatePolicyRequest {
  Content: string;
  Description: string;
  Name: string;
  Type: PolicyType;
  Tags?: Tag[];
}

/** structure CreatePolicyResponse */
export interface CreatePolicyResponse {
  Policy?: Policy;
}

/** structure DeclineHandshakeRequest */
export interface DeclineHandshakeRequest {
  HandshakeId: string;
}

/** structure DeclineHandshakeResponse */
export interface DeclineHandshakeResponse {
  Handshake?: Handshake;
}

/** structure DelegatedAdministrator */
export interface DelegatedAdministrator {
  Id?: string;
  Arn?: string;
  Email?: string;
  Name?: string;
  Status?: AccountStatus;
  State?: AccountState;
  JoinedMethod?: AccountJoinedMethod;
  JoinedTimestamp?: Date;
  DelegationEnabledDate?: Date;
}

/** structure DelegatedService */
export interface DelegatedService {
  ServicePrincipal?: string;
  DelegationEnabledDate?: Date;
}

/** structure DeleteOrganizationalUnitRequest */
export interface DeleteOrganizationalUnitRequest {
  OrganizationalUnitId: string;
}

/** structure DeletePolicyRequest */
export interface DeletePolicyRequest {
  PolicyId: string;
}

/** structure DeregisterDelegatedAdministratorRequest */
export interface DeregisterDelegatedAdministratorRequest {
  AccountId: string;
  ServicePrincipal: string;
}

/** structure DescribeAccountRequest */
export interface DescribeAccountRequest {
  AccountId: string;
}

/** structure DescribeAccountResponse */
export interface DescribeAccountResponse {
  Account?: Account;
}

/** structure DescribeCreateAccountStatusRequest */
export interface DescribeCreateAccountStatusRequest {
  CreateAccountRequestId: string;
}

/** structure DescribeCreateAccountStatusResponse */
export interface DescribeCreateAccountStatusResponse {
  CreateAccountStatus?: CreateAccountStatus;
}

/** structure DescribeEffectivePolicyRequest */
export interface DescribeEffectivePolicyRequest {
  PolicyType: EffectivePolicyType;
  TargetId?: string;
}

/** structure DescribeEffectivePolicyResponse */
export interface DescribeEffectivePolicyResponse {
  EffectivePolicy?: EffectivePolicy;
}

/** structure DescribeHandshakeRequest */
export interface DescribeHandshakeRequest {
  HandshakeId: string;
}

/** structure DescribeHandshakeResponse */
export interface DescribeHandshakeResponse {
  Handshake?: Handshake;
}

/** structure DescribeOrganizationResponse */
export interface DescribeOrganizationResponse {
  Organization?: Organization;
}

/** structure DescribeOrganizationalUnitRequest */
export interface DescribeOrganizationalUnitRequest {
  OrganizationalUnitId: string;
}

/** structure DescribeOrganizationalUnitResponse */
export interface DescribeOrganizationalUnitResponse {
  OrganizationalUnit?: OrganizationalUnit;
}

/** structure DescribePolicyRequest */
export interface DescribePolicyRequest {
  PolicyId: string;
}

/** structure DescribePolicyResponse */
export interface DescribePolicyResponse {
  Policy?: Policy;
}

/** structure DescribeResourcePolicyResponse */
export interface DescribeResourcePolicyResponse {
  ResourcePolicy?: ResourcePolicy;
}

/** structure DescribeResponsibilityTransferRequest */
export interface DescribeResponsibilityTransferRequest {
  Id: string;
}

/** structure DescribeResponsibilityTransferResponse */
export interface DescribeResponsibilityTransferResponse {
  ResponsibilityTransfer?: ResponsibilityTransfer;
}

/** exception DestinationParentNotFoundException */
export interface DestinationParentNotFoundException {
  Message?: string;
}

/** structure DetachPolicyRequest */
export interface DetachPolicyRequest {
  PolicyId: string;
  TargetId: string;
}

/** structure DisableAWSServiceAccessRequest */
export interface DisableAWSServiceAccessRequest {
  ServicePrincipal: string;
}

/** structure DisablePolicyTypeRequest */
export interface DisablePolicyTypeRequest {
  RootId: string;
  PolicyType: PolicyType;
}

/** structure DisablePolicyTypeResponse */
export interface DisablePolicyTypeResponse {
  Root?: Root;
}

/** exception DuplicateAccountException */
export interface DuplicateAccountException {
  Message?: string;
}

/** exception DuplicateHandshakeException */
export interface DuplicateHandshakeException {
  Message?: string;
}

/** exception DuplicateOrganizationalUnitException */
export interface DuplicateOrganizationalUnitException {
  Message?: string;
}

/** exception DuplicatePolicyAttachmentException */
export interface DuplicatePolicyAttachmentException {
  Message?: string;
}

/** exception DuplicatePolicyException */
export interface DuplicatePolicyException {
  Message?: string;
}

/** structure EffectivePolicy */
export interface EffectivePolicy {
  PolicyContent?: string;
  LastUpdatedTimestamp?: Date;
  TargetId?: string;
  PolicyType?: EffectivePolicyType;
}

/** exception EffectivePolicyNotFoundException */
export interface EffectivePolicyNotFoundException {
  Message?: string;
}

/** enum EffectivePolicyType */
export type EffectivePolicyType = "TAG_POLICY" | "BACKUP_POLICY" | "AISERVICES_OPT_OUT_POLICY" | "CHATBOT_POLICY" | "DECLARATIVE_POLICY_EC2" | "SECURITYHUB_POLICY" | "INSPECTOR_POLICY" | "UPGRADE_ROLLOUT_POLICY" | "BEDROCK_POLICY" | "S3_POLICY" | "NETWORK_SECURITY_DIRECTOR_POLICY";

/** structure EffectivePolicyValidationError */
export interface EffectivePolicyValidationError {
  ErrorCode?: string;
  ErrorMessage?: string;
  PathToError?: string;
  ContributingPolicies?: string[];
}

/** structure EnableAWSServiceAccessRequest */
export interface EnableAWSServiceAccessRequest {
  ServicePrincipal: string;
}

/** structure EnableAllFeaturesRequest */
export interface EnableAllFeaturesRequest {}

/** structure EnableAllFeaturesResponse */
export interface EnableAllFeaturesResponse {
  Handshake?: Handshake;
}

/** structure EnablePolicyTypeRequest */
export interface EnablePolicyTypeRequest {
  RootId: string;
  PolicyType: PolicyType;
}

/** structure EnablePolicyTypeResponse */
export interface EnablePolicyTypeResponse {
  Root?: Root;
}

/** structure EnabledServicePrincipal */
export interface EnabledServicePrincipal {
  ServicePrincipal?: string;
  DateEnabled?: Date;
}

/** exception FinalizingOrganizationException */
export interface FinalizingOrganizationException {
  Message?: string;
}

/** structure Handshake */
export interface Handshake {
  Id?: string;
  Arn?: string;
  Parties?: HandshakeParty[];
  State?: HandshakeState;
  RequestedTimestamp?: Date;
  ExpirationTimestamp?: Date;
  Action?: ActionType;
  Resources?: HandshakeResource[];
}

/** exception HandshakeAlreadyInStateException */
export interface HandshakeAlreadyInStateException {
  Message?: string;
}

/** exception HandshakeConstraintViolationException */
export interface HandshakeConstraintViolationException {
  Message?: string;
  Reason?: HandshakeConstraintViolationExceptionReason;
}

/** enum HandshakeConstraintViolationExceptionReason */
export type HandshakeConstraintViolationExceptionReason = "ACCOUNT_NUMBER_LIMIT_EXCEEDED" | "HANDSHAKE_RATE_LIMIT_EXCEEDED" | "ALREADY_IN_AN_ORGANIZATION" | "ORGANIZATION_ALREADY_HAS_ALL_FEATURES" | "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION" | "INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES" | "PAYMENT_INSTRUMENT_REQUIRED" | "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD" | "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED" | "MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED" | "RESPONSIBILITY_TRANSFER_ALREADY_EXISTS" | "SOURCE_AND_TARGET_CANNOT_MATCH" | "UNUSED_PREPAYMENT_BALANCE" | "LEGACY_PERMISSIONS_STILL_IN_USE";

/** structure HandshakeFilter */
export interface HandshakeFilter {
  ActionType?: ActionType;
  ParentHandshakeId?: string;
}

/** exception HandshakeNotFoundException */
export interface HandshakeNotFoundException {
  Message?: string;
}

/** structure HandshakeParty */
export interface HandshakeParty {
  Id: string;
  Type: HandshakePartyType;
}

/** enum HandshakePartyType */
export type HandshakePartyType = "ACCOUNT" | "ORGANIZATION" | "EMAIL";

/** structure HandshakeResource */
export interface HandshakeResource {
  Value?: string;
  Type?: HandshakeResourceType;
  Resources?: HandshakeResource[];
}

/** enum HandshakeResourceType */
export type HandshakeResourceType = "ACCOUNT" | "ORGANIZATION" | "ORGANIZATION_FEATURE_SET" | "EMAIL" | "MASTER_EMAIL" | "MASTER_NAME" | "NOTES" | "PARENT_HANDSHAKE" | "RESPONSIBILITY_TRANSFER" | "TRANSFER_START_TIMESTAMP" | "TRANSFER_TYPE" | "MANAGEMENT_ACCOUNT" | "MANAGEMENT_EMAIL" | "MANAGEMENT_NAME";

/** enum HandshakeState */
export type HandshakeState = "REQUESTED" | "OPEN" | "CANCELED" | "ACCEPTED" | "DECLINED" | "EXPIRED";

/** enum IAMUserAccessToBilling */
export type IAMUserAccessToBilling = "ALLOW" | "DENY";

/** exception InvalidHandshakeTransitionException */
export interface InvalidHandshakeTransitionException {
  Message?: string;
}

/** exception InvalidInputException */
export interface InvalidInputException {
  Message?: string;
  Reason?: InvalidInputExceptionReason;
}

/** enum InvalidInputExceptionReason */
export type InvalidInputExceptionReason = "INVALID_PARTY_TYPE_TARGET" | "INVALID_SYNTAX_ORGANIZATION_ARN" | "INVALID_SYNTAX_POLICY_ID" | "INVALID_ENUM" | "INVALID_ENUM_POLICY_TYPE" | "INVALID_LIST_MEMBER" | "MAX_LENGTH_EXCEEDED" | "MAX_VALUE_EXCEEDED" | "MIN_LENGTH_EXCEEDED" | "MIN_VALUE_EXCEEDED" | "IMMUTABLE_POLICY" | "INVALID_PATTERN" | "INVALID_PATTERN_TARGET_ID" | "INPUT_REQUIRED" | "INVALID_NEXT_TOKEN" | "MAX_LIMIT_EXCEEDED_FILTER" | "MOVING_ACCOUNT_BETWEEN_DIFFERENT_ROOTS" | "INVALID_FULL_NAME_TARGET" | "UNRECOGNIZED_SERVICE_PRINCIPAL" | "INVALID_ROLE_NAME" | "INVALID_SYSTEM_TAGS_PARAMETER" | "DUPLICATE_TAG_KEY" | "TARGET_NOT_SUPPORTED" | "INVALID_EMAIL_ADDRESS_TARGET" | "INVALID_RESOURCE_POLICY_JSON" | "INVALID_PRINCIPAL" | "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY" | "UNSUPPORTED_POLICY_TYPE_IN_RESOURCE_POLICY" | "UNSUPPORTED_RESOURCE_IN_RESOURCE_POLICY" | "NON_DETACHABLE_POLICY" | "CALLER_REQUIRED_FIELD_MISSING" | "UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER" | "START_DATE_NOT_BEGINNING_OF_MONTH" | "START_DATE_NOT_BEGINNING_OF_DAY" | "START_DATE_TOO_EARLY" | "START_DATE_TOO_LATE" | "INVALID_START_DATE" | "END_DATE_NOT_END_OF_MONTH" | "END_DATE_TOO_EARLY" | "INVALID_END_DATE";

/** exception InvalidResponsibilityTransferTransitionException */
export interface InvalidResponsibilityTransferTransitionException {
  Message?: string;
}

/** structure InviteAccountToOrganizationRequest */
export interface InviteAccountToOrganizationRequest {
  Target: HandshakeParty;
  Notes?: string;
  Tags?: Tag[];
}

/** structure InviteAccountToOrganizationResponse */
export interface InviteAccountToOrganizationResponse {
  Handshake?: Handshake;
}

/** structure InviteOrganizationToTransferResponsibilityRequest */
export interface InviteOrganizationToTransferResponsibilityRequest {
  Type: ResponsibilityTransferType;
  Target: HandshakeParty;
  Notes?: string;
  StartTimestamp: Date;
  SourceName: string;
  Tags?: Tag[];
}

/** structure InviteOrganizationToTransferResponsibilityResponse */
export interface InviteOrganizationToTransferResponsibilityResponse {
  Handshake?: Handshake;
}

/** structure ListAWSServiceAccessForOrganizationRequest */
export interface ListAWSServiceAccessForOrganizationRequest {
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListAWSServiceAccessForOrganizationResponse */
export interface ListAWSServiceAccessForOrganizationResponse {
  EnabledServicePrincipals?: EnabledServicePrincipal[];
  NextToken?: string;
}

/** structure ListAccountsForParentRequest */
export interface ListAccountsForParentRequest {
  ParentId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListAccountsForParentResponse */
export interface ListAccountsForParentResponse {
  Accounts?: Account[];
  NextToken?: string;
}

/** structure ListAccountsRequest */
export interface ListAccountsRequest {
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListAccountsResponse */
export interface ListAccountsResponse {
  Accounts?: Account[];
  NextToken?: string;
}

/** structure ListAccountsWithInvalidEffectivePolicyRequest */
export interface ListAccountsWithInvalidEffectivePolicyRequest {
  PolicyType: EffectivePolicyType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListAccountsWithInvalidEffectivePolicyResponse */
export interface ListAccountsWithInvalidEffectivePolicyResponse {
  Accounts?: Account[];
  PolicyType?: EffectivePolicyType;
  NextToken?: string;
}

/** structure ListChildrenRequest */
export interface ListChildrenRequest {
  ParentId: string;
  ChildType: ChildType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListChildrenResponse */
export interface ListChildrenResponse {
  Children?: Child[];
  NextToken?: string;
}

/** structure ListCreateAccountStatusRequest */
export interface ListCreateAccountStatusRequest {
  States?: CreateAccountState[];
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListCreateAccountStatusResponse */
export interface ListCreateAccountStatusResponse {
  CreateAccountStatuses?: CreateAccountStatus[];
  NextToken?: string;
}

/** structure ListDelegatedAdministratorsRequest */
export interface ListDelegatedAdministratorsRequest {
  ServicePrincipal?: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListDelegatedAdministratorsResponse */
export interface ListDelegatedAdministratorsResponse {
  DelegatedAdministrators?: DelegatedAdministrator[];
  NextToken?: string;
}

/** structure ListDelegatedServicesForAccountRequest */
export interface ListDelegatedServicesForAccountRequest {
  AccountId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListDelegatedServicesForAccountResponse */
export interface ListDelegatedServicesForAccountResponse {
  DelegatedServices?: DelegatedService[];
  NextToken?: string;
}

/** structure ListEffectivePolicyValidationErrorsRequest */
export interface ListEffectivePolicyValidationErrorsRequest {
  AccountId: string;
  PolicyType: EffectivePolicyType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListEffectivePolicyValidationErrorsResponse */
export interface ListEffectivePolicyValidationErrorsResponse {
  AccountId?: string;
  PolicyType?: EffectivePolicyType;
  Path?: string;
  EvaluationTimestamp?: Date;
  NextToken?: string;
  EffectivePolicyValidationErrors?: EffectivePolicyValidationError[];
}

/** structure ListHandshakesForAccountRequest */
export interface ListHandshakesForAccountRequest {
  Filter?: HandshakeFilter;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListHandshakesForAccountResponse */
export interface ListHandshakesForAccountResponse {
  Handshakes?: Handshake[];
  NextToken?: string;
}

/** structure ListHandshakesForOrganizationRequest */
export interface ListHandshakesForOrganizationRequest {
  Filter?: HandshakeFilter;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListHandshakesForOrganizationResponse */
export interface ListHandshakesForOrganizationResponse {
  Handshakes?: Handshake[];
  NextToken?: string;
}

/** structure ListInboundResponsibilityTransfersRequest */
export interface ListInboundResponsibilityTransfersRequest {
  Type: ResponsibilityTransferType;
  Id?: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListInboundResponsibilityTransfersResponse */
export interface ListInboundResponsibilityTransfersResponse {
  ResponsibilityTransfers?: ResponsibilityTransfer[];
  NextToken?: string;
}

/** structure ListOrganizationalUnitsForParentRequest */
export interface ListOrganizationalUnitsForParentRequest {
  ParentId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListOrganizationalUnitsForParentResponse */
export interface ListOrganizationalUnitsForParentResponse {
  OrganizationalUnits?: OrganizationalUnit[];
  NextToken?: string;
}

/** structure ListOutboundResponsibilityTransfersRequest */
export interface ListOutboundResponsibilityTransfersRequest {
  Type: ResponsibilityTransferType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListOutboundResponsibilityTransfersResponse */
export interface ListOutboundResponsibilityTransfersResponse {
  ResponsibilityTransfers?: ResponsibilityTransfer[];
  NextToken?: string;
}

/** structure ListParentsRequest */
export interface ListParentsRequest {
  ChildId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListParentsResponse */
export interface ListParentsResponse {
  Parents?: Parent[];
  NextToken?: string;
}

/** structure ListPoliciesForTargetRequest */
export interface ListPoliciesForTargetRequest {
  TargetId: string;
  Filter: PolicyType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListPoliciesForTargetResponse */
export interface ListPoliciesForTargetResponse {
  Policies?: PolicySummary[];
  NextToken?: string;
}

/** structure ListPoliciesRequest */
export interface ListPoliciesRequest {
  Filter: PolicyType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListPoliciesResponse */
export interface ListPoliciesResponse {
  Policies?: PolicySummary[];
  NextToken?: string;
}

/** structure ListRootsRequest */
export interface ListRootsRequest {
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListRootsResponse */
export interface ListRootsResponse {
  Roots?: Root[];
  NextToken?: string;
}

/** structure ListTagsForResourceRequest */
export interface ListTagsForResourceRequest {
  ResourceId: string;
  NextToken?: string;
}

/** structure ListTagsForResourceResponse */
export interface ListTagsForResourceResponse {
  Tags?: Tag[];
  NextToken?: string;
}

/** structure ListTargetsForPolicyRequest */
export interface ListTargetsForPolicyRequest {
  PolicyId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListTargetsForPolicyResponse */
export interface ListTargetsForPolicyResponse {
  Targets?: PolicyTargetSummary[];
  NextToken?: string;
}

/** exception MalformedPolicyDocumentException */
export interface MalformedPolicyDocumentException {
  Message?: string;
}

/** exception MasterCannotLeaveOrganizationException */
export interface MasterCannotLeaveOrganizationException {
  Message?: string;
}

/** structure MoveAccountRequest */
export interface MoveAccountRequest {
  AccountId: string;
  SourceParentId: string;
  DestinationParentId: string;
}

/** structure Organization */
export interface Organization {
  Id?: string;
  Arn?: string;
  FeatureSet?: OrganizationFeatureSet;
  MasterAccountArn?: string;
  MasterAccountId?: string;
  MasterAccountEmail?: string;
  AvailablePolicyTypes?: PolicyTypeSummary[];
}

/** enum OrganizationFeatureSet */
export type OrganizationFeatureSet = "ALL" | "CONSOLIDATED_BILLING";

/** exception OrganizationNotEmptyException */
export interface OrganizationNotEmptyException {
  Message?: string;
}

/** structure OrganizationalUnit */
export interface OrganizationalUnit {
  Id?: string;
  Arn?: string;
  Name?: string;
  Path?: string;
}

/** exception OrganizationalUnitNotEmptyException */
export interface OrganizationalUnitNotEmptyException {
  Message?: string;
}

/** exception OrganizationalUnitNotFoundException */
export interface OrganizationalUnitNotFoundException {
  Message?: string;
}

/** structure Parent */
export interface Parent {
  Id?: string;
  Type?: ParentType;
}

/** exception ParentNotFoundException */
export interface ParentNotFoundException {
  Message?: string;
}

/** enum ParentType */
export type ParentType = "ROOT" | "ORGANIZATIONAL_UNIT";

/** structure Policy */
export interface Policy {
  PolicySummary?: PolicySummary;
  Content?: string;
}

/** exception PolicyChangesInProgressException */
export interface PolicyChangesInProgressException {
  Message?: string;
}

/** exception PolicyInUseException */
export interface PolicyInUseException {
  Message?: string;
}

/** exception PolicyNotAttachedException */
export interface PolicyNotAttachedException {
  Message?: string;
}

/** exception PolicyNotFoundException */
export interface PolicyNotFoundException {
  Message?: string;
}

/** structure PolicySummary */
export interface PolicySummary {
  Id?: string;
  Arn?: string;
  Name?: string;
  Description?: string;
  Type?: PolicyType;
  AwsManaged?: boolean;
}

/** structure PolicyTargetSummary */
export interface PolicyTargetSummary {
  TargetId?: string;
  Arn?: string;
  Name?: string;
  Type?: TargetType;
}

/** enum PolicyType */
export type PolicyType = "SERVICE_CONTROL_POLICY" | "RESOURCE_CONTROL_POLICY" | "TAG_POLICY" | "BACKUP_POLICY" | "AISERVICES_OPT_OUT_POLICY" | "CHATBOT_POLICY" | "DECLARATIVE_POLICY_EC2" | "SECURITYHUB_POLICY" | "INSPECTOR_POLICY" | "UPGRADE_ROLLOUT_POLICY" | "BEDROCK_POLICY" | "S3_POLICY" | "NETWORK_SECURITY_DIRECTOR_POLICY";

/** exception PolicyTypeAlreadyEnabledException */
export interface PolicyTypeAlreadyEnabledException {
  Message?: string;
}

/** exception PolicyTypeNotAvailableForOrganizationException */
export interface PolicyTypeNotAvailableForOrganizationException {
  Message?: string;
}

/** exception PolicyTypeNotEnabledException */
export interface PolicyTypeNotEnabledException {
  Message?: string;
}

/** enum PolicyTypeStatus */
export type PolicyTypeStatus = "ENABLED" | "PENDING_ENABLE" | "PENDING_DISABLE";

/** structure PolicyTypeSummary */
export interface PolicyTypeSummary {
  Type?: PolicyType;
  Status?: PolicyTypeStatus;
}

/** structure PutResourcePolicyRequest */
export interface PutResourcePolicyRequest {
  Content: string;
  Tags?: Tag[];
}

/** structure PutResourcePolicyResponse */
export interface PutResourcePolicyResponse {
  ResourcePolicy?: ResourcePolicy;
}

/** structure RegisterDelegatedAdministratorRequest */
export interface RegisterDelegatedAdministratorRequest {
  AccountId: string;
  ServicePrincipal: string;
}

/** structure RemoveAccountFromOrganizationRequest */
export interface RemoveAccountFromOrganizationRequest {
  AccountId: string;
}

/** structure ResourcePolicy */
export interface ResourcePolicy {
  ResourcePolicySummary?: ResourcePolicySummary;
  Content?: string;
}

/** exception ResourcePolicyNotFoundException */
export interface ResourcePolicyNotFoundException {
  Message?: string;
}

/** structure ResourcePolicySummary */
export interface ResourcePolicySummary {
  Id?: string;
  Arn?: string;
}

/** structure ResponsibilityTransfer */
export interface ResponsibilityTransfer {
  Arn?: string;
  Name?: string;
  Id?: string;
  Type?: ResponsibilityTransferType;
  Status?: ResponsibilityTransferStatus;
  Source?: TransferParticipant;
  Target?: TransferParticipant;
  StartTimestamp?: Date;
  EndTimestamp?: Date;
  ActiveHandshakeId?: string;
}

/** exception ResponsibilityTransferAlreadyInStatusException */
export interface ResponsibilityTransferAlreadyInStatusException {
  Message?: string;
}

/** exception ResponsibilityTransferNotFoundException */
export interface ResponsibilityTransferNotFoundException {
  Message?: string;
}

/** enum ResponsibilityTransferStatus */
export type ResponsibilityTransferStatus = "REQUESTED" | "DECLINED" | "CANCELED" | "EXPIRED" | "ACCEPTED" | "WITHDRAWN";

/** enum ResponsibilityTransferType */
export type ResponsibilityTransferType = "BILLING";

/** structure Root */
export interface Root {
  Id?: string;
  Arn?: string;
  Name?: string;
  PolicyTypes?: PolicyTypeSummary[];
}

/** exception RootNotFoundException */
export interface RootNotFoundException {
  Message?: string;
}

/** exception ServiceException */
export interface ServiceException {
  Message?: string;
}

/** exception SourceParentNotFoundException */
export interface SourceParentNotFoundException {
  Message?: string;
}

/** structure Tag */
export interface Tag {
  Key: string;
  Value: string;
}

/** structure TagResourceRequest */
export interface TagResourceRequest {
  ResourceId: string;
  Tags: Tag[];
}

/** exception TargetNotFoundException */
export interface TargetNotFoundException {
  Message?: string;
}

/** enum TargetType */
export type TargetType = "ACCOUNT" | "ORGANIZATIONAL_UNIT" | "ROOT";

/** structure TerminateResponsibilityTransferRequest */
export interface TerminateResponsibilityTransferRequest {
  Id: string;
  EndTimestamp?: Date;
}

/** structure TerminateResponsibilityTransferResponse */
export interface TerminateResponsibilityTransferResponse {
  ResponsibilityTransfer?: ResponsibilityTransfer;
}

/** exception TooManyRequestsException */
export interface TooManyRequestsException {
  Type?: string;
  Message?: string;
}

/** structure TransferParticipant */
export interface TransferParticipant {
  ManagementAccountId?: string;
  ManagementAccountEmail?: string;
}

/** exception UnsupportedAPIEndpointException */
export interface UnsupportedAPIEndpointException {
  Message?: string;
}

/** structure UntagResourceRequest */
export interface UntagResourceRequest {
  ResourceId: string;
  TagKeys: string[];
}

/** structure UpdateOrganizationalUnitRequest */
export interface UpdateOrganizationalUnitRequest {
  OrganizationalUnitId: string;
  Name?: string;
}

/** structure UpdateOrganizationalUnitResponse */
export interface UpdateOrganizationalUnitResponse {
  OrganizationalUnit?: OrganizationalUnit;
}

/** structure UpdatePolicyRequest */
export interface UpdatePolicyRequest {
  PolicyId: string;
  Name?: string;
  Description?: string;
  Content?: string;
}

/** structure UpdatePolicyResponse */
export interface UpdatePolicyResponse {
  Policy?: Policy;
}

/** structure UpdateResponsibilityTransferRequest */
export interface UpdateResponsibilityTransferRequest {
  Id: string;
  Name: string;
}

/** structure UpdateResponsibilityTransferResponse */
export interface UpdateResponsibilityTransferResponse {
  ResponsibilityTransfer?: ResponsibilityTransfer;
}

/** Every Organizations operation's input and output; `Record<string, never>` means none on the wire. */
export interface OrganizationsOperations {
  AcceptHandshake: { input: AcceptHandshakeRequest; output: AcceptHandshakeResponse };
  AttachPolicy: { input: AttachPolicyRequest; output: Record<string, never> };
  CancelHandshake: { input: CancelHandshakeRequest; output: CancelHandshakeResponse };
  CloseAccount: { input: CloseAccountRequest; output: Record<string, never> };
  CreateAccount: { input: CreateAccountRequest; output: CreateAccountResponse };
  CreateGovCloudAccount: { input: CreateGovCloudAccountRequest; output: CreateGovCloudAccountResponse };
  CreateOrganization: { input: CreateOrganizationRequest; output: CreateOrganizationResponse };
  CreateOrganizationalUnit: { input: CreateOrganizationalUnitRequest; output: CreateOrganizationalUnitResponse };
  CreatePolicy: { input: CreatePolicyRequest; output: CreatePolicyResponse };
  DeclineHandshake: { input: DeclineHandshakeRequest; output: DeclineHandshakeResponse };
  DeleteOrganization: { input: Record<string, never>; output: Record<string, never> };
  DeleteOrganizationalUnit: { input: DeleteOrganizationalUnitRequest; output: Record<string, never> };
  DeletePolicy: { input: DeletePolicyRequest; output: Record<string, never> };
  DeleteResourcePolicy: { input: Record<string, never>; output: Record<string, never> };
  DeregisterDelegatedAdministrator: { input: DeregisterDelegatedAdministratorRequest; output: Record<string, never> };
  DescribeAccount: { input: DescribeAccountRequest; output: DescribeAccountResponse };
  DescribeCreateAccountStatus: { input: DescribeCreateAccountStatusRequest; output: DescribeCreateAccountStatusResponse };
  DescribeEffectivePolicy: { input: DescribeEffectivePolicyRequest; output: DescribeEffectivePolicyResponse };
  DescribeHandshake: { input: DescribeHandshakeRequest; output: DescribeHandshakeResponse };
  DescribeOrganization: { input: Record<string, never>; output: DescribeOrganizationResponse };
  DescribeOrganizationalUnit: { input: DescribeOrganizationalUnitRequest; output: DescribeOrganizationalUnitResponse };
  DescribePolicy: { input: DescribePolicyRequest; output: DescribePolicyResponse };
  DescribeResourcePolicy: { input: Record<string, never>; output: DescribeResourcePolicyResponse };
  DescribeResponsibilityTransfer: { input: DescribeResponsibilityTransferRequest; output: DescribeResponsibilityTransferResponse };
  DetachPolicy: { input: DetachPolicyRequest; output: Record<string, never> };
  DisableAWSServiceAccess: { input: DisableAWSServiceAccessRequest; output: Record<string, never> };
  DisablePolicyType: { input: DisablePolicyTypeRequest; output: DisablePolicyTypeResponse };
  EnableAWSServiceAccess: { input: EnableAWSServiceAccessRequest; output: Record<string, never> };
  EnableAllFeatures: { input: EnableAllFeaturesRequest; output: EnableAllFeaturesResponse };
  EnablePolicyType: { input: EnablePolicyTypeRequest; output: EnablePolicyTypeResponse };
  InviteAccountToOrganization: { input: InviteAccountToOrganizationRequest; output: InviteAccountToOrganizationResponse };
  InviteOrganizationToTransferResponsibility: { input: InviteOrganizationToTransferResponsibilityRequest; output: InviteOrganizationToTransferResponsibilityResponse };
  LeaveOrganization: { input: Record<string, never>; output: Record<string, never> };
  ListAWSServiceAccessForOrganization: { input: ListAWSServiceAccessForOrganizationRequest; output: ListAWSServiceAccessForOrganizationResponse };
  ListAccounts: { input: ListAccountsRequest; output: ListAccountsResponse };
  ListAccountsForParent: { input: ListAccountsForParentRequest; output: ListAccountsForParentResponse };
  ListAccountsWithInvalidEffectivePolicy: { input: ListAccountsWithInvalidEffectivePolicyRequest; output: ListAccountsWithInvalidEffectivePolicyResponse };
  ListChildren: { input: ListChildrenRequest; output: ListChildrenResponse };
  ListCreateAccountStatus: { input: ListCreateAccountStatusRequest; output: ListCreateAccountStatusResponse };
  ListDelegatedAdministrators: { input: ListDelegatedAdministratorsRequest; output: ListDelegatedAdministratorsResponse };
  ListDelegatedServicesForAccount: { input: ListDelegatedServicesForAccountRequest; output: ListDelegatedServicesForAccountResponse };
  ListEffectivePolicyValidationErrors: { input: ListEffectivePolicyValidationErrorsRequest; output: ListEffectivePolicyValidationErrorsResponse };
  ListHandshakesForAccount: { input: ListHandshakesForAccountRequest; output: ListHandshakesForAccountResponse };
  ListHandshakesForOrganization: { input: ListHandshakesForOrganizationRequest; output: ListHandshakesForOrganizationResponse };
  ListInboundResponsibilityTransfers: { input: ListInboundResponsibilityTransfersRequest; output: ListInboundResponsibilityTransfersResponse };
  ListOrganizationalUnitsForParent: { input: ListOrganizationalUnitsForParentRequest; output: ListOrganizationalUnitsForParentResponse };
  ListOutboundResponsibilityTransfers: { input: ListOutboundResponsibilityTransfersRequest; output: ListOutboundResponsibilityTransfersResponse };
  ListParents: { input: ListParentsRequest; output: ListParentsResponse };
  ListPolicies: { input: ListPoliciesRequest; output: ListPoliciesResponse };
  ListPoliciesForTarget: { input: ListPoliciesForTargetRequest; output: ListPoliciesForTargetResponse };
  ListRoots: { input: ListRootsRequest; output: ListRootsResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
  ListTargetsForPolicy: { input: ListTargetsForPolicyRequest; output: ListTargetsForPolicyResponse };
  MoveAccount: { input: MoveAccountRequest; output: Record<string, never> };
  PutResourcePolicy: { input: PutResourcePolicyRequest; output: PutResourcePolicyResponse };
  RegisterDelegatedAdministrator: { input: RegisterDelegatedAdministratorRequest; output: Record<string, never> };
  RemoveAccountFromOrganization: { input: RemoveAccountFromOrganizationRequest; output: Record<string, never> };
  TagResource: { input: TagResourceRequest; output: Record<string, never> };
  TerminateResponsibilityTransfer: { input: TerminateResponsibilityTransferRequest; output: TerminateResponsibilityTransferResponse };
  UntagResource: { input: UntagResourceRequest; output: Record<string, never> };
  UpdateOrganizationalUnit: { input: UpdateOrganizationalUnitRequest; output: UpdateOrganizationalUnitResponse };
  UpdatePolicy: { input: UpdatePolicyRequest; output: UpdatePolicyResponse };
  UpdateResponsibilityTransfer: { input: UpdateResponsibilityTransferRequest; output: UpdateResponsibilityTransferResponse };
}

/** Names of the Organizations operations. */
export type OrganizationsOperationName = keyof OrganizationsOperations;

/** Exception shape names of Organizations, for the typed error helpers. */
export type OrganizationsErrorShape =
  | "AWSOrganizationsNotInUseException"
  | "AccessDeniedException"
  | "AccessDeniedForDependencyException"
  | "AccountAlreadyClosedException"
  | "AccountAlreadyRegisteredException"
  | "AccountNotFoundException"
  | "AccountNotRegisteredException"
  | "AccountOwnerNotVerifiedException"
  | "AlreadyInOrganizationException"
  | "ChildNotFoundException"
  | "ConcurrentModificationException"
  | "ConflictException"
  | "ConstraintViolationException"
  | "CreateAccountStatusNotFoundException"
  | "DestinationParentNotFoundException"
  | "DuplicateAccountException"
  | "DuplicateHandshakeException"
  | "DuplicateOrganizationalUnitException"
  | "DuplicatePolicyAttachmentException"
  | "DuplicatePolicyException"
  | "EffectivePolicyNotFoundException"
  | "FinalizingOrganizationException"
  | "HandshakeAlreadyInStateException"
  | "HandshakeConstraintViolationException"
  | "HandshakeNotFoundException"
  | "InvalidHandshakeTransitionException"
  | "InvalidInputException"
  | "InvalidResponsibilityTransferTransitionException"
  | "MalformedPolicyDocumentException"
  | "MasterCannotLeaveOrganizationException"
  | "OrganizationNotEmptyException"
  | "OrganizationalUnitNotEmptyException"
  | "OrganizationalUnitNotFoundException"
  | "ParentNotFoundException"
  | "PolicyChangesInProgressException"
  | "PolicyInUseException"
  | "PolicyNotAttachedException"
  | "PolicyNotFoundException"
  | "PolicyTypeAlreadyEnabledException"
  | "PolicyTypeNotAvailableForOrganizationException"
  | "PolicyTypeNotEnabledException"
  | "ResourcePolicyNotFoundException"
  | "ResponsibilityTransferAlreadyInStatusException"
  | "ResponsibilityTransferNotFoundException"
  | "RootNotFoundException"
  | "ServiceException"
  | "SourceParentNotFoundException"
  | "TargetNotFoundException"
  | "TooManyRequestsException"
  | "UnsupportedAPIEndpointException";
