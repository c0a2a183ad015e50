// generated — do not edit; run npm run models:gen
// Source: src/wire/models/ (Account 2021-02-01).

/** structure AcceptPrimaryEmailUpdateRequest */
export interface AcceptPrimaryEmailUpdateRequest {
  AccountId: string;
  PrimaryEmail: string;
  Otp: string;
}

/** structure AcceptPrimaryEmailUpdateResponse */
export interface AcceptPrimaryEmailUpdateResponse {
  Status?: PrimaryEmailUpdateStatus;
}

/** exception AccessDeniedException */
export interface AccessDeniedException {
  message: string;
  errorType?: string;
}

/** enum AccountState */
export type AccountState = "PENDING_ACTIVATION" | "ACTIVE" | "SUSPENDED" | "CLOSED";

/** structure AlternateContact */
export interface AlternateContact {
  Name?: string;
  Title?: string;
  EmailAddress?: string;
  PhoneNumber?: string;
  AlternateContactType?: AlternateContactType;
}

/** enum AlternateContactType */
export type AlternateContactType = "BILLING" | "OPERATIONS" | "SECURITY";

/** enum AwsAccountState */
export type AwsAccountState = "PENDING_ACTIVATION" | "ACTIVE" | "SUSPENDED" | "CLOSED";

/** exception ConflictException */
export interface ConflictException {
  message: string;
  errorType?: string;
}

/** structure ContactInformation */
export interface ContactInformation {
  FullName: string;
  AddressLine1: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City: string;
  StateOrRegion?: string;
  DistrictOrCounty?: string;
  PostalCode: string;
  CountryCode: string;
  PhoneNumber: string;
  CompanyName?: string;
  WebsiteUrl?: string;
}

/** structure DeleteAlternateContactRequest */
export interface DeleteAlternateContactRequest {
  AlternateContactType: AlternateContactType;
  AccountId?: string;
}

/** structure DisableRegionRequest */
export interface DisableRegionRequest {
  AccountId?: string;
  RegionName: string;
}

/** structure EnableRegionRequest */
export interface EnableRegionRequest {
  AccountId?: string;
  RegionName: string;
}

/** structure GetAccountInformationRequest */
export interface GetAccountInformationRequest {
  AccountId?: string;
}

/** structure GetAccountInformationResponse */
export interface GetAccountInformationResponse {
  AccountId?: string;
  AccountName?: string;
  AccountCreatedDate?: Date;
  AccountState?: AccountState;
}

/** structure GetAlternateContactRequest */
export interface GetAlternateContactRequest {
  AlternateContactType: AlternateContactType;
  AccountId?: string;
}

/** structure GetAlternateContactResponse */
export interface GetAlternateContactResponse {
  AlternateContact?: AlternateContact;
}

/** structure GetContactInformationRequest */
export interface GetContactInformationRequest {
  AccountId?: string;
}

/** structure GetContactInformationResponse */
export interface GetContactInformationResponse {
  ContactInformation?: ContactInformation;
}

/** structure GetGovCloudAccountInformationRequest */
export interface GetGovCloudAccountInformationRequest {
  StandardAccountId?: string;
}

/** structure GetGovCloudAccountInformationResponse */
export interface GetGovCloudAccountInformationResponse {
  GovCloudAccountId: string;
  AccountState: AwsAccountState;
}

/** structure GetPrimaryEmailRequest */
export interface GetPrimaryEmailRequest {
  AccountId: string;
}

/** structure GetPrimaryEmailResponse */
export interface GetPrimaryEmailResponse {
  PrimaryEmail?: string;
}

/** structure GetRegionOptStatusRequest */
export interface GetRegionOptStatusRequest {
  AccountId?: string;
  RegionName: string;
}

/** structure GetRegionOptStatusResponse */
export interface GetRegionOptStatusResponse {
  RegionName?: string;
  RegionOptStatus?: RegionOptStatus;
}

/** exception InternalServerException */
export interface InternalServerException {
  message: string;
  errorType?: string;
}

/** structure ListRegionsRequest */
export interface ListRegionsRequest {
  AccountId?: string;
  MaxResults?: number;
  NextToken?: string;
  RegionOptStatusContains?: RegionOptStatus[];
}

/** structure ListRegionsResponse */
export interface ListRegionsResponse {
  NextToken?: string;
  Regions?: Region[];
}

/** enum PrimaryEmailUpdateStatus */
export type PrimaryEmailUpdateStatus = "PENDING" | "ACCEPTED";

/** structure PutAccountNameRequest */
export interface PutAccountNameRequest {
  AccountName: string;
  AccountId?: string;
}

/** structure PutAlternateContactRequest */
export interface PutAlternateContactRequest {
  Name: string;
  Title: string;
  EmailAddress: string;
  PhoneNumber: string;
  AlternateContactType: AlternateContactType;
  AccountId?: string;
}

/** structure PutContactInformationRequest */
export interface PutContactInformationRequest {
  ContactInformation: ContactInformation;
  AccountId?: string;
}

/** structure Region */
export interface Region {
  RegionName?: string;
  RegionOptStatus?: RegionOptStatus;
}

/** enum RegionOptStatus */
export type RegionOptStatus = "ENABLED" | "ENABLING" | "DISABLING" | "DISABLED" | "ENABLED_BY_DEFAULT";

/** exception ResourceNotFoundException */
export interface ResourceNotFoundException {
  message: string;
  errorType?: string;
}

/** exception ResourceUnavailableException */
export interface ResourceUnavailableException {
  message: string;
  errorType?: string;
}

/** structure StartPrimaryEmailUpdateRequest */
export interface StartPrimaryEmailUpdateRequest {
  AccountId: string;
  PrimaryEmail: string;
}

/** structure StartPrimaryEmailUpdateResponse */
export interface StartPrimaryEmailUpdateResponse {
  Status?: PrimaryEmailUpdateStatus;
}

/** exception TooManyRequestsException */
export interface TooManyRequestsException {
  message: string;
  errorType?: string;
}

/** exception ValidationException */
export interface ValidationException {
  message: string;
  reason?: ValidationExceptionReason;
  fieldList?: ValidationExceptionField[];
}

/** structure ValidationExceptionField */
export interface ValidationExceptionField {
  name: string;
  message: string;
}

/** enum ValidationExceptionReason */
export type ValidationExceptionReason = "invalidRegionOptTarget" | "fieldValidationFailed";

/** Every Account operation's input and output; `Record<string, never>` means none on the wire. */
export interface AccountOperations {
  AcceptPrimaryEmailUpdate: { input: AcceptPrimaryEmailUpdateRequest; output: AcceptPrimaryEmailUpdateResponse };
  DeleteAlternateContact: { input: DeleteAlternateContactRequest; output: Record<string, never> };
  DisableRegion: { input: DisableRegionRequest; output: Record<string, never> };
  EnableRegion: { input: EnableRegionRequest; output: Record<string, never> };
  GetAccountInformation: { input: GetAccountInformationRequest; output: GetAccountInformationResponse };
  GetAlternateContact: { input: GetAlternateContactRequest; output: GetAlternateContactResponse };
  GetContactInformation: { input: GetContactInformationRequest; output: GetContactInformationResponse };
  GetGovCloudAccountInformation: { input: GetGovCloudAccountInformationRequest; output: GetGovCloudAccountInformationResponse };
  GetPrimaryEmail: { input: GetPrimaryEmailRequest; output: GetPrimaryEmailResponse };
  GetRegionOptStatus: { input: GetRegionOptStatusRequest; output: GetRegionOptStatusResponse };
  ListRegions: { input: ListRegionsRequest; output: ListRegionsResponse };
  PutAccountName: { input: PutAccountNameRequest; output: Record<string, never> };
  PutAlternateContact: { input: PutAlternateContactRequest; output: Record<string, never> };
  PutContactInformation: { input: PutContactInformationRequest; output: Record<string, never> };
  StartPrimaryEmailUpdate: { input: StartPrimaryEmailUpdateRequest; output: StartPrimaryEmailUpdateResponse };
}

/** Names of the Account operations. */
export type AccountOperationName = keyof AccountOperations;

/** Exception shape names of Account, for the typed error helpers. */
export type AccountErrorShape =
  | "AccessDeniedException"
  | "ConflictException"
  | "InternalServerException"
  | "ResourceNotFoundException"
  | "ResourceUnavailableException"
  | "TooManyRequestsException"
  | "ValidationException";
