// generated — do not edit; run npm run models:gen
// Source: src/wire/models/ (CloudTrail 2013-11-01).

/** exception AccessDeniedException */
export interface AccessDeniedException {}

/** exception AccountHasOngoingImportException */
export interface AccountHasOngoingImportException {}

/** exception AccountNotFoundException */
export interface AccountNotFoundException {}

/** exception AccountNotRegisteredException */
export interface AccountNotRegisteredException {}

/** exception AccountRegisteredException */
export interface AccountRegisteredException {}

/** structure AddTagsRequest */
export interface AddTagsRequest {
  ResourceId: string;
  TagsList: Tag[];
}

/** structure AddTagsResponse */
export interface AddTagsResponse {}

/** structure AdvancedEventSelector */
export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

/** structure AdvancedFieldSelector */
export interface AdvancedFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

/** structure AggregationConfiguration */
export interface AggregationConfiguration {
  Templates: Template[];
  EventCategory: EventCategoryAggregation;
}

/** enum BillingMode */
export type BillingMode = "EXTENDABLE_RETENTION_PRICING" | "FIXED_RETENTION_PRICING";

/** structure CancelQueryRequest */
export interface CancelQueryRequest {
  /** @deprecated */
  EventDataStore?: string;
  QueryId: string;
  EventDataStoreOwnerAccountId?: string;
}

/** structure CancelQueryResponse */
export interface CancelQueryResponse {
  QueryId: string;
  QueryStatus: QueryStatus;
  EventDataStoreOwnerAccountId?: string;
}

/** exception CannotDelegateManagementAccountException */
export interface CannotDelegateManagementAccountException {}

/** structure Channel */
export interface Channel {
  ChannelArn?: string;
  Name?: string;
}

/** exception ChannelARNInvalidException */
export interface ChannelARNInvalidException {}

/** exception ChannelAlreadyExistsException */
export interface ChannelAlreadyExistsException {}

/** exception ChannelExistsForEDSException */
export interface ChannelExistsForEDSException {}

/** exception ChannelMaxLimitExceededException */
export interface ChannelMaxLimitExceededException {}

/** exception ChannelNotFoundException */
export interface ChannelNotFoundException {}

/** exception CloudTrailARNInvalidException */
export interface CloudTrailARNInvalidException {}

/** exception CloudTrailAccessNotEnabledException */
export interface CloudTrailAccessNotEnabledException {}

/** exception CloudTrailInvalidClientTokenIdException */
export interface CloudTrailInvalidClientTokenIdException {}

/** exception CloudWatchLogsDeliveryUnavailableException */
export interface CloudWatchLogsDeliveryUnavailableException {}

/** exception ConcurrentModificationException */
export interface ConcurrentModificationException {}

/** exception ConflictException */
export interface ConflictException {}

/** structure ContextKeySelector */
export interface ContextKeySelector {
  Type: Type;
  Equals: string[];
}

/** structure CreateChannelRequest */
export interface CreateChannelRequest {
  Name: string;
  Source: string;
  Destinations: Destination[];
  Tags?: Tag[];
}

/** structure CreateChannelResponse */
export interface CreateChannelResponse {
  ChannelArn?: string;
  Name?: string;
  Source?: string;
  Destinations?: Destination[];
  Tags?: Tag[];
}

/** structure CreateDashboardRequest */
export interface CreateDashboardRequest {
  Name: string;
  RefreshSchedule?: RefreshSchedule;
  TagsList?: Tag[];
  TerminationProtectionEnabled?: boolean;
  Widgets?: RequestWidget[];
}

/** structure CreateDashboardResponse */
export interface CreateDashboardResponse {
  DashboardArn?: string;
  Name?: string;
  Type?: DashboardType;
  Widgets?: Widget[];
  TagsList?: Tag[];
  RefreshSchedule?: RefreshSchedule;
  TerminationProtectionEnabled?: boolean;
}

/** structure CreateEventDataStoreRequest */
export interface CreateEventDataStoreRequest {
  Name: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  TagsList?: Tag[];
  KmsKeyId?: string;
  StartIngestion?: boolean;
  BillingMode?: BillingMode;
}

/** structure CreateEventDataStoreResponse */
export interface CreateEventDataStoreResponse {
  EventDataStoreArn?: string;
  Name?: string;
  Status?: EventDataStoreStatus;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  TagsList?: Tag[];
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
}

/** structure CreateTrailRequest */
export interface CreateTrailRequest {
  Name: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  EnableLogFileValidation?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail?: boolean;
  TagsList?: Tag[];
}

/** structure CreateTrailResponse */
export interface CreateTrailResponse {
  Name?: string;
  S3BucketName?: string;
  S3KeyPrefix?: string;
  /** @deprecated */
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  TrailARN?: string;
  LogFileValidationEnabled?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail?: boolean;
}

/** structure DashboardDetail */
export interface DashboardDetail {
  DashboardArn?: string;
  Type?: DashboardType;
}

/** enum DashboardStatus */
export type DashboardStatus = "CREATING" | "CREATED" | "UPDATING" | "UPDATED" | "DELETING";

/** enum DashboardType */
export type DashboardType = "MANAGED" | "CUSTOM";

/** structure DataResource */
export interface DataResource {
  Type?: string;
  Values?: string[];
}

/** exception DelegatedAdminAccountLimitExceededException */
export interface DelegatedAdminAccountLimitExceededException {}

/** structure DeleteChannelRequest */
export interface DeleteChannelRequest {
  Channel: string;
}

/** structure DeleteChannelResponse */
export interface DeleteChannelResponse {}

/** structure DeleteDashboardRequest */
export interface DeleteDashboardRequest {
  DashboardId: string;
}

/** structure DeleteDashboardResponse */
export interface DeleteDashboardResponse {}

/** structure DeleteEventDataStoreRequest */
export interface DeleteEventDataStoreRequest {
  EventDataStore: string;
}

/** structure DeleteEventDataStoreResponse */
export interface DeleteEventDataStoreResponse {}

/** structure DeleteResourcePolicyRequest */
export interface DeleteResourcePolicyRequest {
  ResourceArn: string;
}

/** structure DeleteResourcePolicyResponse */
export interface DeleteResourcePolicyResponse {}

/** structure DeleteTrailRequest */
export interface DeleteTrailRequest {
  Name: string;
}

/** structure DeleteTrailResponse */
export interface DeleteTrailResponse {}

/** enum DeliveryStatus */
export type DeliveryStatus = "SUCCESS" | "FAILED" | "FAILED_SIGNING_FILE" | "PENDING" | "RESOURCE_NOT_FOUND" | "ACCESS_DENIED" | "ACCESS_DENIED_SIGNING_FILE" | "CANCELLED" | "UNKNOWN";

/** structure DeregisterOrganizationDelegatedAdminRequest */
export interface DeregisterOrganizationDelegatedAdminRequest {
  DelegatedAdminAccountId: string;
}

/** structure DeregisterOrganizationDelegatedAdminResponse */
export interface DeregisterOrganizationDelegatedAdminResponse {}

/** structure DescribeQueryRequest */
export interface DescribeQueryRequest {
  /** @deprecated */
  EventDataStore?: string;
  QueryId?: string;
  QueryAlias?: string;
  RefreshId?: string;
  EventDataStoreOwnerAccountId?: string;
}

/** structure DescribeQueryResponse */
export interface DescribeQueryResponse {
  QueryId?: string;
  QueryString?: string;
  QueryStatus?: QueryStatus;
  QueryStatistics?: QueryStatisticsForDescribeQuery;
  ErrorMessage?: string;
  DeliveryS3Uri?: string;
  DeliveryStatus?: DeliveryStatus;
  Prompt?: string;
  EventDataStoreOwnerAccountId?: string;
}

/** structure DescribeTrailsRequest */
export interface DescribeTrailsRequest {
  trailNameList?: string[];
  includeShadowTrails?: boolean;
}

/** structure DescribeTrailsResponse */
export interface DescribeTrailsResponse {
  trailList?: Trail[];
}

/** structure Destination */
export interface Destination {
  Type: DestinationType;
  Location: string;
}

/** enum DestinationType */
export type DestinationType = "EVENT_DATA_STORE" | "AWS_SERVICE";

/** structure DisableFederationRequest */
export interface DisableFederationRequest {
  EventDataStore: string;
}

/** structure DisableFederationResponse */
export interface DisableFederationResponse {
  EventDataStoreArn?: string;
  FederationStatus?: FederationStatus;
}

/** structure EnableFederationRequest */
export interface EnableFederationRequest {
  EventDataStore: string;
  FederationRoleArn: string;
}

/** structure EnableFederationResponse */
export interface EnableFederationResponse {
  EventDataStoreArn?: string;
  FederationStatus?: FederationStatus;
  FederationRoleArn?: string;
}

/** structure Event */
export interface Event {
  EventId?: string;
  EventName?: string;
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime?: Date;
  EventSource?: string;
  Username?: string;
  Resources?: Resource[];
  CloudTrailEvent?: string;
}

/** enum EventCategory */
export type EventCategory = "insight";

/** enum EventCategoryAggregation */
export type EventCategoryAggregation = "Data";

/** structure EventDataStore */
export interface EventDataStore {
  EventDataStoreArn?: string;
  Name?: string;
  /** @deprecated */
  TerminationProtectionEnabled?: boolean;
  /** @deprecated */
  Status?: EventDataStoreStatus;
  /** @deprecated */
  AdvancedEventSelectors?: AdvancedEventSelector[];
  /** @deprecated */
  MultiRegionEnabled?: boolean;
  /** @deprecated */
  OrganizationEnabled?: boolean;
  /** @deprecated */
  RetentionPeriod?: number;
  /** @deprecated */
  CreatedTimestamp?: Date;
  /** @deprecated */
  UpdatedTimestamp?: Date;
}

/** exception EventDataStoreARNInvalidException */
export interface EventDataStoreARNInvalidException {}

/** exception EventDataStoreAlreadyExistsException */
export interface EventDataStoreAlreadyExistsException {}

/** exception EventDataStoreFederationEnabledException */
export interface EventDataStoreFederationEnabledException {}

/** exception EventDataStoreHasOngoingImportException */
export interface EventDataStoreHasOngoingImportException {}

/** exception EventDataStoreMaxLimitExceededException */
export interface EventDataStoreMaxLimitExceededException {}

/** exception EventDataStoreNotFoundException */
export interface EventDataStoreNotFoundException {}

/** enum EventDataStoreStatus */
export type EventDataStoreStatus = "CREATED" | "ENABLED" | "PENDING_DELETION" | "STARTING_INGESTION" | "STOPPING_INGESTION" | "STOPPED_INGESTION";

/** exception EventDataStoreTerminationProtectedException */
export interface EventDataStoreTerminationProtectedException {}

/** structure EventSelector */
export interface EventSelector {
  ReadWriteType?: ReadWriteType;
  IncludeManagementEvents?: boolean;
  DataResources?: DataResource[];
  ExcludeManagementEventSources?: string[];
}

/** enum FederationStatus */
export type FederationStatus = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED";

/** structure GenerateQueryRequest */
export interface GenerateQueryRequest {
  EventDataStores: string[];
  Prompt: string;
}

/** structure GenerateQueryResponse */
export interface GenerateQueryResponse {
  QueryStatement?: string;
  QueryAlias?: string;
  EventDataStoreOwnerAccountId?: string;
}

/** exception GenerateResponseException */
export interface GenerateResponseException {}

/** structure GetChannelRequest */
export interface GetChannelRequest {
  Channel: string;
}

/** structure GetChannelResponse */
export interface GetChannelResponse {
  ChannelArn?: string;
  Name?: string;
  Source?: string;
  SourceConfig?: SourceConfig;
  Destinations?: Destination[];
  IngestionStatus?: IngestionStatus;
}

/** structure GetDashboardRequest */
export interface GetDashboardRequest {
  DashboardId: string;
}

/** structure GetDashboardResponse */
export interface GetDashboardResponse {
  DashboardArn?: string;
  Type?: DashboardType;
  Status?: DashboardStatus;
  Widgets?: Widget[];
  RefreshSchedule?: RefreshSchedule;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  LastRefreshId?: string;
  LastRefreshFailureReason?: string;
  TerminationProtectionEnabled?: boolean;
}

/** structure GetEventConfigurationRequest */
export interface GetEventConfigurationRequest {
  TrailName?: string;
  EventDataStore?: string;
}

/** structure GetEventConfigurationResponse */
export interface GetEventConfigurationResponse {
  TrailARN?: string;
  EventDataStoreArn?: string;
  MaxEventSize?: MaxEventSize;
  ContextKeySelectors?: ContextKeySelector[];
  AggregationConfigurations?: AggregationConfiguration[];
}

/** structure GetEventDataStoreRequest */
export interface GetEventDataStoreRequest {
  EventDataStore: string;
}

/** structure GetEventDataStoreResponse */
export interface GetEventDataStoreResponse {
  EventDataStoreArn?: string;
  Name?: string;
  Status?: EventDataStoreStatus;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
  FederationStatus?: FederationStatus;
  FederationRoleArn?: string;
  PartitionKeys?: PartitionKey[];
}

/** structure GetEventSelectorsRequest */
export interface GetEventSelectorsRequest {
  TrailName: string;
}

/** structure GetEventSelectorsResponse */
export interface GetEventSelectorsResponse {
  TrailARN?: string;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

/** structure GetImportRequest */
export interface GetImportRequest {
  ImportId: string;
}

/** structure GetImportResponse */
export interface GetImportResponse {
  ImportId?: string;
  Destinations?: string[];
  ImportSource?: ImportSource;
  StartEventTime?: Date;
  EndEventTime?: Date;
  ImportStatus?: ImportStatus;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  ImportStatistics?: ImportStatistics;
}

/** structure GetInsightSelectorsRequest */
export interface GetInsightSelectorsRequest {
  TrailName?: string;
  EventDataStore?: string;
}

/** structure GetInsightSelectorsResponse */
export interface GetInsightSelectorsResponse {
  TrailARN?: string;
  InsightSelectors?: InsightSelector[];
  EventDataStoreArn?: string;
  InsightsDestination?: string;
}

/** structure GetQueryResultsRequest */
export interface GetQueryResultsRequest {
  /** @deprecated */
  EventDataStore?: string;
  QueryId: string;
  NextToken?: string;
  MaxQueryResults?: number;
  EventDataStoreOwnerAccountId?: string;
}

/** structure GetQueryResultsResponse */
export interface GetQueryResultsResponse {
  QueryStatus?: QueryStatus;
  QueryStatistics?: QueryStatistics;
  QueryResultRows?: Array<Array<Record<string, string>>>;
  NextToken?: string;
  ErrorMessage?: string;
}

/** structure GetResourcePolicyRequest */
export interface GetResourcePolicyRequest {
  ResourceArn: string;
}

/** structure GetResourcePolicyResponse */
export interface GetResourcePolicyResponse {
  ResourceArn?: string;
  ResourcePolicy?: string;
  DelegatedAdminResourcePolicy?: string;
}

/** structure GetTrailRequest */
export interface GetTrailRequest {
  Name: string;
}

/** structure GetTrailResponse */
export interface GetTrailResponse {
  Trail?: Trail;
}

/** structure GetTrailStatusRequest */
export interface GetTrailStatusRequest {
  Name: string;
}

/** structure GetTrailStatusResponse */
export interface GetTrailStatusResponse {
  IsLogging?: boolean;
  LatestDeliveryError?: string;
  LatestNotificationError?: string;
  LatestDeliveryTime?: Date;
  LatestNotificationTime?: Date;
  StartLoggingTime?: Date;
  StopLoggingTime?: Date;
  LatestCloudWatchLogsDeliveryError?: string;
  LatestCloudWatchLogsDeliveryTime?: Date;
  LatestDigestDeliveryTime?: Date;
  LatestDigestDeliveryError?: string;
  LatestDeliveryAttemptTime?: string;
  LatestNotificationAttemptTime?: string;
  LatestNotificationAttemptSucceeded?: string;
  LatestDeliveryAttemptSucceeded?: string;
  TimeLoggingStarted?: string;
  TimeLoggingStopped?: string;
}

/** structure ImportFailureListItem */
export interface ImportFailureListItem {
  Location?: string;
  Status?: ImportFailureStatus;
  ErrorType?: string;
  ErrorMessage?: string;
  LastUpdatedTime?: Date;
}

/** enum ImportFailureStatus */
export type ImportFailureStatus = "FAILED" | "RETRY" | "SUCCEEDED";

/** exception ImportNotFoundException */
export interface ImportNotFoundException {}

/** structure ImportSource */
export interface ImportSource {
  S3: S3ImportSource;
}

/** structure ImportStatistics */
export interface ImportStatistics {
  PrefixesFound?: number;
  PrefixesCompleted?: number;
  FilesCompleted?: number;
  EventsCompleted?: number;
  FailedEntries?: number;
}

/** enum ImportStatus */
export type ImportStatus = "INITIALIZING" | "IN_PROGRESS" | "FAILED" | "STOPPED" | "COMPLETED";

/** structure ImportsListItem */
export interface ImportsListItem {
  ImportId?: string;
  ImportStatus?: ImportStatus;
  Destinations?: string[];
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
}

/** exception InactiveEventDataStoreException */
export interface InactiveEventDataStoreException {}

/** exception InactiveQueryException */
export interface InactiveQueryException {}

/** structure IngestionStatus */
export interface IngestionStatus {
  LatestIngestionSuccessTime?: Date;
  LatestIngestionSuccessEventID?: string;
  LatestIngestionErrorCode?: string;
  LatestIngestionAttemptTime?: Date;
  LatestIngestionAttemptEventID?: string;
}

/** exception InsightNotEnabledException */
export interface InsightNotEnabledException {}

/** structure InsightSelector */
export interface InsightSelector {
  InsightType?: InsightType;
  EventCategories?: SourceEventCategory[];
}

/** enum InsightType */
export type InsightType = "ApiCallRateInsight" | "ApiErrorRateInsight";

/** enum InsightsMetricDataType */
export type InsightsMetricDataType = "FillWithZeros" | "NonZeroData";

/** exception InsufficientDependencyServiceAccessPermissionException */
export interface InsufficientDependencyServiceAccessPermissionException {}

/** exception InsufficientEncryptionPolicyException */
export interface InsufficientEncryptionPolicyException {}

/** exception InsufficientIAMAccessPermissionException */
export interface InsufficientIAMAccessPermissionException {}

/** exception InsufficientS3BucketPolicyException */
export interface InsufficientS3BucketPolicyException {}

/** exception InsufficientSnsTopicPolicyException */
export interface InsufficientSnsTopicPolicyException {}

/** exception InvalidCloudWatchLogsLogGroupArnException */
export interface InvalidCloudWatchLogsLogGroupArnException {}

/** exception InvalidCloudWatchLogsRoleArnException */
export interface InvalidCloudWatchLogsRoleArnException {}

/** exception InvalidDateRangeException */
export interface InvalidDateRangeException {}

/** exception InvalidEventCategoryException */
export interface InvalidEventCategoryException {}

/** exception InvalidEventDataStoreCategoryException */
export interface InvalidEventDataStoreCategoryException {}

/** exception InvalidEventDataStoreStatusException */
export interface InvalidEventDataStoreStatusException {}

/** exception InvalidEventSelectorsException */
export interface InvalidEventSelectorsException {}

/** exception InvalidHomeRegionException */
export interface InvalidHomeRegionException {}

/** exception InvalidImportSourceException */
export interface InvalidImportSourceException {}

/** exception InvalidInsightSelectorsException */
export interface InvalidInsightSelectorsException {}

/** exception InvalidKmsKeyIdException */
export interface InvalidKmsKeyIdException {}

/** exception InvalidLookupAttributesException */
export interface InvalidLookupAttributesException {}

/** exception InvalidMaxResultsException */
export interface InvalidMaxResultsException {}

/** exception InvalidNextTokenException */
export interface InvalidNextTokenException {}

/** exception InvalidParameterCombinationException */
export interface InvalidParameterCombinationException {}

/** exception InvalidParameterException */
export interface InvalidParameterException {}

/** exception InvalidQueryStatementException */
export interface InvalidQueryStatementException {}

/** exception InvalidQueryStatusException */
export interface InvalidQueryStatusException {}

/** exception InvalidS3BucketNameException */
export interface InvalidS3BucketNameException {}

/** exception InvalidS3PrefixException */
export interface InvalidS3PrefixException {}

/** exception InvalidSnsTopicNameException */
export interface InvalidSnsTopicNameException {}

/** exception InvalidSourceException */
export interface InvalidSourceException {}

/** exception InvalidTagParameterException */
export interface InvalidTagParameterException {}

/** exception InvalidTimeRangeException */
export interface InvalidTimeRangeException {}

/** exception InvalidTokenException */
export interface InvalidTokenException {}

/** exception InvalidTrailNameException */
export interface InvalidTrailNameException {}

/** exception KmsException */
export interface KmsException {}

/** exception KmsKeyDisabledException */
export interface KmsKeyDisabledException {}

/** exception KmsKeyNotFoundException */
export interface KmsKeyNotFoundException {}

/** structure ListChannelsRequest */
export interface ListChannelsRequest {
  MaxResults?: number;
  NextToken?: string;
}

/** structure ListChannelsResponse */
export interface ListChannelsResponse {
  Channels?: Channel[];
  NextToken?: string;
}

/** structure ListDashboardsRequest */
export interface ListDashboardsRequest {
  NamePrefix?: string;
  Type?: DashboardType;
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListDashboardsResponse */
export interface ListDashboardsResponse {
  Dashboards?: DashboardDetail[];
  NextToken?: string;
}

/** structure ListEventDataStoresRequest */
export interface ListEventDataStoresRequest {
  NextToken?: string;
  MaxResults?: number;
}

/** structure ListEventDataStoresResponse */
export interface ListEventDataStoresResponse {
  EventDataStores?: EventDataStore[];
  NextToken?: string;
}

/** structure ListImportFailuresRequest */
export interface ListImportFailuresRequest {
  ImportId: string;
  MaxResults?: number;
  NextToken?: string;
}

/** structure ListImportFailuresResponse */
export interface ListImportFailuresResponse {
  Failures?: ImportFailureListItem[];
  NextToken?: string;
}

/** structure ListImportsRequest */
export interface ListImportsRequest {
  MaxResults?: number;
  Destination?: string;
  ImportStatus?: ImportStatus;
  NextToken?: string;
}

/** structure ListImportsResponse */
export interface ListImportsResponse {
  Imports?: ImportsListItem[];
  NextToken?: string;
}

/** enum ListInsightsDataDimensionKey */
export type ListInsightsDataDimensionKey = "EventId" | "EventName" | "EventSource";

/** structure ListInsightsDataRequest */
export interface ListInsightsDataRequest {
  InsightSource: string;
  DataType: ListInsightsDataType;
  Dimensions?: Partial<Record<ListInsightsDataDimensionKey, string>>;
  StartTime?: Date;
  EndTime?: Date;
  MaxResults?: number;
  NextToken?: string;
}

/** structure ListInsightsDataResponse */
export interface ListInsightsDataResponse {
  Events?: Event[];
  NextToken?: string;
}

/** enum ListInsightsDataType */
export type ListInsightsDataType = "InsightsEvents";

/** structure ListInsightsMetricDataRequest */
export interface ListInsightsMetricDataRequest {
  TrailName?: string;
  EventSource: string;
  EventName: string;
  InsightType: InsightType;
  ErrorCode?: string;
  StartTime?: Date;
  EndTime?: Date;
  Period?: number;
  DataType?: InsightsMetricDataType;
  MaxResults?: number;
  NextToken?: string;
}

/** structure ListInsightsMetricDataResponse */
export interface ListInsightsMetricDataResponse {
  TrailARN?: string;
  EventSource?: string;
  EventName?: string;
  InsightType?: InsightType;
  ErrorCode?: string;
  Timestamps?: Date[];
  Values?: number[];
  NextToken?: string;
}

/** structure ListPublicKeysRequest */
export interface ListPublicKeysRequest {
  StartTime?: Date;
  EndTime?: Date;
  NextToken?: string;
}

/** structure ListPublicKeysResponse */
export interface ListPublicKeysResponse {
  PublicKeyList?: PublicKey[];
  NextToken?: string;
}

/** structure ListQueriesRequest */
export interface ListQueriesRequest {
  EventDataStore: string;
  NextToken?: string;
  MaxResults?: number;
  StartTime?: Date;
  EndTime?: Date;
  QueryStatus?: QueryStatus;
}

/** structure ListQueriesResponse */
export interface ListQueriesResponse {
  Queries?: Query[];
  NextToken?: string;
}

/** structure ListTagsRequest */
export interface ListTagsRequest {
  ResourceIdList: string[];
  NextToken?: string;
}

/** structure ListTagsResponse */
export interface ListTagsResponse {
  ResourceTagList?: ResourceTag[];
  NextToken?: string;
}

/** structure ListTrailsRequest */
export interface ListTrailsRequest {
  NextToken?: string;
}

/** structure ListTrailsResponse */
export interface ListTrailsResponse {
  Trails?: TrailInfo[];
  NextToken?: string;
}

/** structure LookupAttribute */
export interface LookupAttribute {
  AttributeKey: LookupAttributeKey;
  AttributeValue: string;
}

/** enum LookupAttributeKey */
export type LookupAttributeKey = "EventId" | "EventName" | "ReadOnly" | "Username" | "ResourceType" | "ResourceName" | "EventSource" | "AccessKeyId";

/** structure LookupEventsRequest */
export interface LookupEventsRequest {
  LookupAttributes?: LookupAttribute[];
  StartTime?: Date;
  EndTime?: Date;
  EventCategory?: EventCategory;
  MaxResults?: number;
  NextToken?: string;
}

/** structure LookupEventsResponse */
export interface LookupEventsResponse {
  Events?: Event[];
  NextToken?: string;
}

/** exception MaxConcurrentQueriesException */
export interface MaxConcurrentQueriesException {}

/** enum MaxEventSize */
export type MaxEventSize = "Standard" | "Large";

/** exception MaximumNumberOfTrailsExceededException */
export interface MaximumNumberOfTrailsExceededException {}

/** exception NoManagementAccountSLRExistsException */
export interface NoManagementAccountSLRExistsException {}

/** exception NotOrganizationManagementAccountException */
export interface NotOrganizationManagementAccountException {}

/** exception NotOrganizationMasterAccountException */
export interface NotOrganizationMasterAccountException {}

/** exception OperationNotPermittedException */
export interface OperationNotPermittedException {}

/** exception OrganizationNotInAllFeaturesModeException */
export interface OrganizationNotInAllFeaturesModeException {}

/** exception OrganizationsNotInUseException */
export interface OrganizationsNotInUseException {}

/** structure PartitionKey */
export interface PartitionKey {
  Name: string;
  Type: string;
}

/** structure PublicKey */
export interface PublicKey {
  Value?: Uint8Array;
  ValidityStartTime?: Date;
  ValidityEndTime?: Date;
  Fingerprint?: string;
}

/** structure PutEventConfigurationRequest */
export interface PutEventConfigurationRequest {
  TrailName?: string;
  EventDataStore?: string;
  MaxEventSize?: MaxEventSize;
  ContextKeySelectors?: ContextKeySelector[];
  AggregationConfigurations?: AggregationConfiguration[];
}

/** structure PutEventConfigurationResponse */
export interface PutEventConfigurationResponse {
  TrailARN?: string;
  EventDataStoreArn?: string;
  MaxEventSize?: MaxEventSize;
  ContextKeySelectors?: ContextKeySelector[];
  AggregationConfigurations?: AggregationConfiguration[];
}

/** structure PutEventSelectorsRequest */
export interface PutEventSelectorsRequest {
  TrailName: string;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

/** structure PutEventSelectorsResponse */
export interface PutEventSelectorsResponse {
  TrailARN?: string;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

/** structure PutInsightSelectorsRequest */
export interface PutInsightSelectorsRequest {
  TrailName?: string;
  InsightSelectors: InsightSelector[];
  EventDataStore?: string;
  InsightsDestination?: string;
}

/** structure PutInsightSelectorsResponse */
export interface PutInsightSelectorsResponse {
  TrailARN?: string;
  InsightSelectors?: InsightSelector[];
  EventDataStoreArn?: string;
  InsightsDestination?: string;
}

/** structure PutResourcePolicyRequest */
export interface PutResourcePolicyRequest {
  ResourceArn: string;
  ResourcePolicy: string;
}

/** structure PutResourcePolicyResponse */
export interface PutResourcePolicyResponse {
  ResourceArn?: string;
  ResourcePolicy?: string;
  DelegatedAdminResourcePolicy?: string;
}

/** structure Query */
export interface Query {
  QueryId?: string;
  QueryStatus?: QueryStatus;
  CreationTime?: Date;
}

/** exception QueryIdNotFoundException */
export interface QueryIdNotFoundException {}

/** structure QueryStatistics */
export interface QueryStatistics {
  ResultsCount?: number;
  TotalResultsCount?: number;
  BytesScanned?: number;
}

/** structure QueryStatisticsForDescribeQuery */
export interface QueryStatisticsForDescribeQuery {
  EventsMatched?: number;
  EventsScanned?: number;
  BytesScanned?: number;
  ExecutionTimeInMillis?: number;
  CreationTime?: Date;
}

/** enum QueryStatus */
export type QueryStatus = "QUEUED" | "RUNNING" | "FINISHED" | "FAILED" | "CANCELLED" | "TIMED_OUT";

/** enum ReadWriteType */
export type ReadWriteType = "ReadOnly" | "WriteOnly" | "All";

/** structure RefreshSchedule */
export interface RefreshSchedule {
  Frequency?: RefreshScheduleFrequency;
  Status?: RefreshScheduleStatus;
  TimeOfDay?: string;
}

/** structure RefreshScheduleFrequency */
export interface RefreshScheduleFrequency {
  Unit?: RefreshScheduleFrequencyUnit;
  Value?: number;
}

/** enum RefreshScheduleFrequencyUnit */
export type RefreshScheduleFrequencyUnit = "HOURS" | "DAYS";

/** enum RefreshScheduleStatus */
export type RefreshScheduleStatus = "ENABLED" | "DISABLED";

/** structure RegisterOrganizationDelegatedAdminRequest */
export interface RegisterOrganizationDelegatedAdminRequest {
  MemberAccountId: string;
}

/** structure RegisterOrganizationDelegatedAdminResponse */
export interface RegisterOrganizationDelegatedAdminResponse {}

/** structure RemoveTagsRequest */
export interface RemoveTagsRequest {
  ResourceId: string;
  TagsList: Tag[];
}

/** structure RemoveTagsResponse */
export interface RemoveTagsResponse {}

/** structure RequestWidget */
export interface RequestWidget {
  QueryStatement: string;
  QueryParameters?: string[];
  ViewProperties: Record<string, string>;
}

/** structure Resource */
export interface Resource {
  ResourceType?: string;
  ResourceName?: string;
}

/** exception ResourceARNNotValidException */
export interface ResourceARNNotValidException {}

/** exception ResourceNotFoundException */
export interface ResourceNotFoundException {}

/** exception ResourcePolicyNotFoundException */
export interface ResourcePolicyNotFoundException {}

/** exception ResourcePolicyNotValidException */
export interface ResourcePolicyNotValidException {}

/** structure ResourceTag */
export interface ResourceTag {
  ResourceId?: string;
  TagsList?: Tag[];
}

/** exception ResourceTypeNotSupportedException */
export interface ResourceTypeNotSupportedException {}

/** structure RestoreEventDataStoreRequest */
export interface RestoreEventDataStoreRequest {
  EventDataStore: string;
}

/** structure RestoreEventDataStoreResponse */
export interface RestoreEventDataStoreResponse {
  EventDataStoreArn?: string;
  Name?: string;
  Status?: EventDataStoreStatus;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
}

/** exception S3BucketDoesNotExistException */
export interface S3BucketDoesNotExistException {}

/** structure S3ImportSource */
export interface S3ImportSource {
  S3LocationUri: string;
  S3BucketRegion: string;
  S3BucketAccessRoleArn: string;
}

/** structure SearchSampleQueriesRequest */
export interface SearchSampleQueriesRequest {
  SearchPhrase: string;
  MaxResults?: number;
  NextToken?: string;
}

/** structure SearchSampleQueriesResponse */
export interface SearchSampleQueriesResponse {
  SearchResults?: SearchSampleQueriesSearchResult[];
  NextToken?: string;
}

/** structure SearchSampleQueriesSearchResult */
export interface SearchSampleQueriesSearchResult {
  Name?: string;
  Description?: string;
  SQL?: string;
  Relevance?: number;
}

/** exception ServiceQuotaExceededException */
export interface ServiceQuotaExceededException {}

/** structure SourceConfig */
export interface SourceConfig {
  ApplyToAllRegions?: boolean;
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

/** enum SourceEventCategory */
export type SourceEventCategory = "Management" | "Data";

/** structure StartDashboardRefreshRequest */
export interface StartDashboardRefreshRequest {
  DashboardId: string;
  QueryParameterValues?: Record<string, string>;
}

/** structure StartDashboardRefreshResponse */
export interface StartDashboardRefreshResponse {
  RefreshId?: string;
}

/** structure StartEventDataStoreIngestionRequest */
export interface StartEventDataStoreIngestionRequest {
  EventDataStore: string;
}

/** structure StartEventDataStoreIngestionResponse */
export interface StartEventDataStoreIngestionResponse {}

/** structure StartImportRequest */
export interface StartImportRequest {
  Destinations?: string[];
  ImportSource?: ImportSource;
  StartEventTime?: Date;
  EndEventTime?: Date;
  ImportId?: string;
}

/** structure StartImportResponse */
export interface StartImportResponse {
  ImportId?: string;
  Destinations?: string[];
  ImportSource?: ImportSource;
  StartEventTime?: Date;
  EndEventTime?: Date;
  ImportStatus?: ImportStatus;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
}

/** structure StartLoggingRequest */
export interface StartLoggingRequest {
  Name: string;
}

/** structure StartLoggingResponse */
export interface StartLoggingResponse {}

/** structure StartQueryRequest */
export interface StartQueryRequest {
  QueryStatement?: string;
  DeliveryS3Uri?: string;
  QueryAlias?: string;
  QueryParameters?: string[];
  EventDataStoreOwnerAccountId?: string;
}

/** structure StartQueryResponse */
export interface StartQueryResponse {
  QueryId?: string;
  EventDataStoreOwnerAccountId?: string;
}

/** structure StopEventDataStoreIngestionRequest */
export interface StopEventDataStoreIngestionRequest {
  EventDataStore: string;
}

/** structure StopEventDataStoreIngestionResponse */
export interface StopEventDataStoreIngestionResponse {}

/** structure StopImportRequest */
export interface StopImportRequest {
  ImportId: string;
}

/** structure StopImportResponse */
export interface StopImportResponse {
  ImportId?: string;
  ImportSource?: ImportSource;
  Destinations?: string[];
  ImportStatus?: ImportStatus;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  StartEventTime?: Date;
  EndEventTime?: Date;
  ImportStatistics?: ImportStatistics;
}

/** structure StopLoggingRequest */
export interface StopLoggingRequest {
  Name: string;
}

/** structure StopLoggingResponse */
export interface StopLoggingResponse {}

/** structure Tag */
export interface Tag {
  Key: string;
  Value?: string;
}

/** exception TagsLimitExceededException */
export interface TagsLimitExceededException {}

/** enum Template */
export type Template = "API_ACTIVITY" | "RESOURCE_ACCESS" | "USER_ACTIONS";

/** exception ThrottlingException */
export interface ThrottlingException {}

/** structure Trail */
export interface Trail {
  Name?: string;
  S3BucketName?: string;
  S3KeyPrefix?: string;
  /** @deprecated */
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  HomeRegion?: string;
  TrailARN?: string;
  LogFileValidationEnabled?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  HasCustomEventSelectors?: boolean;
  HasInsightSelectors?: boolean;
  IsOrganizationTrail?: boolean;
}

/** exception TrailAlreadyExistsException */
export interface TrailAlreadyExistsException {}

/** structure TrailInfo */
export interface TrailInfo {
  TrailARN?: string;
  Name?: string;
  HomeRegion?: string;
}

/** exception TrailNotFoundException */
export interface TrailNotFoundException {}

/** exception TrailNotProvidedException */
export interface TrailNotProvidedException {}

/** enum Type */
export type Type = "TagContext" | "RequestContext";

/** exception UnsupportedOperationException */
export interface UnsupportedOperationException {}

/** structure UpdateChannelRequest */
export interface UpdateChannelRequest {
  Channel: string;
  Destinations?: Destination[];
  Name?: string;
}

/** structure UpdateChannelResponse */
export interface UpdateChannelResponse {
  ChannelArn?: string;
  Name?: string;
  Source?: string;
  Destinations?: Destination[];
}

/** structure UpdateDashboardRequest */
export interface UpdateDashboardRequest {
  DashboardId: string;
  Widgets?: RequestWidget[];
  RefreshSchedule?: RefreshSchedule;
  TerminationProtectionEnabled?: boolean;
}

/** structure UpdateDashboardResponse */
export interface UpdateDashboardResponse {
  DashboardArn?: string;
  Name?: string;
  Type?: DashboardType;
  Widgets?: Widget[];
  RefreshSchedule?: RefreshSchedule;
  TerminationProtectionEnabled?: boolean;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
}

/** structure UpdateEventDataStoreRequest */
export interface UpdateEventDataStoreRequest {
  EventDataStore: string;
  Name?: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
}

/** structure UpdateEventDataStoreResponse */
export interface UpdateEventDataStoreResponse {
  EventDataStoreArn?: string;
  Name?: string;
  Status?: EventDataStoreStatus;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  CreatedTimestamp?: Date;
  UpdatedTimestamp?: Date;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
  FederationStatus?: FederationStatus;
  FederationRoleArn?: string;
}

/** structure UpdateTrailRequest */
export interface UpdateTrailRequest {
  Name: string;
  S3BucketName?: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  EnableLogFileValidation?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail?: boolean;
}

/** structure UpdateTrailResponse */
export interface UpdateTrailResponse {
  Name?: string;
  S3BucketName?: string;
  S3KeyPrefix?: string;
  /** @deprecated */
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents?: boolean;
  IsMultiRegionTrail?: boolean;
  TrailARN?: string;
  LogFileValidationEnabled?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail?: boolean;
}

/** structure Widget */
export interface Widget {
  QueryAlias?: string;
  QueryStatement?: string;
  QueryParameters?: string[];
  ViewProperties?: Record<string, string>;
}

/** Every CloudTrail operation's input and output; `Record<string, never>` means none on the wire. */
export interface CloudTrailOperations {
  AddTags: { input: AddTagsRequest; output: AddTagsResponse };
  CancelQuery: { input: CancelQueryRequest; output: CancelQueryResponse };
  CreateChannel: { input: CreateChannelRequest; output: CreateChannelResponse };
  CreateDashboard: { input: CreateDashboardRequest; output: CreateDashboardResponse };
  CreateEventDataStore: { input: CreateEventDataStoreRequest; output: CreateEventDataStoreResponse };
  CreateTrail: { input: CreateTrailRequest; output: CreateTrailResponse };
  DeleteChannel: { input: DeleteChannelRequest; output: DeleteChannelResponse };
  DeleteDashboard: { input: DeleteDashboardRequest; output: DeleteDashboardResponse };
  DeleteEventDataStore: { input: DeleteEventDataStoreRequest; output: DeleteEventDataStoreResponse };
  DeleteResourcePolicy: { input: DeleteResourcePolicyRequest; output: DeleteResourcePolicyResponse };
  DeleteTrail: { input: DeleteTrailRequest; output: DeleteTrailResponse };
  DeregisterOrganizationDelegatedAdmin: { input: DeregisterOrganizationDelegatedAdminRequest; output: DeregisterOrganizationDelegatedAdminResponse };
  DescribeQuery: { input: DescribeQueryRequest; output: DescribeQueryResponse };
  DescribeTrails: { input: DescribeTrailsRequest; output: DescribeTrailsResponse };
  DisableFederation: { input: DisableFederationRequest; output: DisableFederationResponse };
  EnableFederation: { input: EnableFederationRequest; output: EnableFederationResponse };
  GenerateQuery: { input: GenerateQueryRequest; output: GenerateQueryResponse };
  GetChannel: { input: GetChannelRequest; output: GetChannelResponse };
  GetDashboard: { input: GetDashboardRequest; output: GetDashboardResponse };
  GetEventConfiguration: { input: GetEventConfigurationRequest; output: GetEventConfigurationResponse };
  GetEventDataStore: { input: GetEventDataStoreRequest; output: GetEventDataStoreResponse };
  GetEventSelectors: { input: GetEventSelectorsRequest; output: GetEventSelectorsResponse };
  GetImport: { input: GetImportRequest; output: GetImportResponse };
  GetInsightSelectors: { input: GetInsightSelectorsRequest; output: GetInsightSelectorsResponse };
  GetQueryResults: { input: GetQueryResultsRequest; output: GetQueryResultsResponse };
  GetResourcePolicy: { input: GetResourcePolicyRequest; output: GetResourcePolicyResponse };
  GetTrail: { input: GetTrailRequest; output: GetTrailResponse };
  GetTrailStatus: { input: GetTrailStatusRequest; output: GetTrailStatusResponse };
  ListChannels: { input: ListChannelsRequest; output: ListChannelsResponse };
  ListDashboards: { input: ListDashboardsRequest; output: ListDashboardsResponse };
  ListEventDataStores: { input: ListEventDataStoresRequest; output: ListEventDataStoresResponse };
  ListImportFailures: { input: ListImportFailuresRequest; output: ListImportFailuresResponse };
  ListImports: { input: ListImportsRequest; output: ListImportsResponse };
  ListInsightsData: { input: ListInsightsDataRequest; output: ListInsightsDataResponse };
  ListInsightsMetricData: { input: ListInsightsMetricDataRequest; output: ListInsightsMetricDataResponse };
  ListPublicKeys: { input: ListPublicKeysRequest; output: ListPublicKeysResponse };
  ListQueries: { input: ListQueriesRequest; output: ListQueriesResponse };
  ListTags: { input: ListTagsRequest; output: ListTagsResponse };
  ListTrails: { input: ListTrailsRequest; output: ListTrailsResponse };
  LookupEvents: { input: LookupEventsRequest; output: LookupEventsResponse };
  PutEventConfiguration: { input: PutEventConfigurationRequest; output: PutEventConfigurationResponse };
  PutEventSelectors: { input: PutEventSelectorsRequest; output: PutEventSelectorsResponse };
  PutInsightSelectors: { input: PutInsightSelectorsRequest; output: PutInsightSelectorsResponse };
  PutResourcePolicy: { input: PutResourcePolicyRequest; output: PutResourcePolicyResponse };
  RegisterOrganizationDelegatedAdmin: { input: RegisterOrganizationDelegatedAdminRequest; output: RegisterOrganizationDelegatedAdminResponse };
  RemoveTags: { input: RemoveTagsRequest; output: RemoveTagsResponse };
  RestoreEventDataStore: { input: RestoreEventDataStoreRequest; output: RestoreEventDataStoreResponse };
  SearchSampleQueries: { input: SearchSampleQueriesRequest; output: SearchSampleQueriesResponse };
  StartDashboardRefresh: { input: StartDashboardRefreshRequest; output: StartDashboardRefreshResponse };
  StartEventDataStoreIngestion: { input: StartEventDataStoreIngestionRequest; output: StartEventDataStoreIngestionResponse };
  StartImport: { input: StartImportRequest; output: StartImportResponse };
  StartLogging: { input: StartLoggingRequest; output: StartLoggingResponse };
  StartQuery: { input: StartQueryRequest; output: StartQueryResponse };
  StopEventDataStoreIngestion: { input: StopEventDataStoreIngestionRequest; output: StopEventDataStoreIngestionResponse };
  StopImport: { input: StopImportRequest; output: StopImportResponse };
  StopLogging: { input: StopLoggingRequest; output: StopLoggingResponse };
  UpdateChannel: { input: UpdateChannelRequest; output: UpdateChannelResponse };
  UpdateDashboard: { input: UpdateDashboardRequest; output: UpdateDashboardResponse };
  UpdateEventDataStore: { input: UpdateEventDataStoreRequest; output: UpdateEventDataStoreResponse };
  UpdateTrail: { input: UpdateTrailRequest; output: UpdateTrailResponse };
}

/** Names of the CloudTrail operations. */
export type CloudTrailOperationName = keyof CloudTrailOperations;

/** Exception shape names of CloudTrail, for the typed error helpers. */
export type CloudTrailErrorShape =
  | "AccessDeniedException"
  | "AccountHasOngoingImportException"
  | "AccountNotFoundException"
  | "AccountNotRegisteredException"
  | "AccountRegisteredException"
  | "CannotDelegateManagementAccountException"
  | "ChannelARNInvalidException"
  | "ChannelAlreadyExistsException"
  | "ChannelExistsForEDSException"
  | "ChannelMaxLimitExceededException"
  | "ChannelNotFoundException"
  | "CloudTrailARNInvalidException"
  | "CloudTrailAccessNotEnabledException"
  | "CloudTrailInvalidClientTokenIdException"
  | "CloudWatchLogsDeliveryUnavailableException"
  | "ConcurrentModificationException"
  | "ConflictException"
  | "DelegatedAdminAccountLimitExceededException"
  | "EventDataStoreARNInvalidException"
  | "EventDataStoreAlreadyExistsException"
  | "EventDataStoreFederationEnabledException"
  | "EventDataStoreHasOngoingImportException"
  | "EventDataStoreMaxLimitExceededException"
  | "EventDataStoreNotFoundException"
  | "EventDataStoreTerminationProtectedException"
  | "GenerateResponseException"
  | "ImportNotFoundException"
  | "InactiveEventDataStoreException"
  | "InactiveQueryException"
  | "InsightNotEnabledException"
  | "InsufficientDependencyServiceAccessPermissionException"
  | "InsufficientEncryptionPolicyException"
  | "InsufficientIAMAccessPermissionException"
  | "InsufficientS3BucketPolicyException"
  | "InsufficientSnsTopicPolicyException"
  | "InvalidCloudWatchLogsLogGroupArnException"
  | "InvalidCloudWatchLogsRoleArnException"
  | "InvalidDateRangeException"
  | "InvalidEventCategoryException"
  | "InvalidEventDataStoreCategoryException"
  | "InvalidEventDataStoreStatusException"
  | "InvalidEventSelectorsException"
  | "InvalidHomeRegionException"
  | "InvalidImportSourceException"
  | "InvalidInsightSelectorsException"
  | "InvalidKmsKeyIdException"
  | "InvalidLookupAttributesException"
  | "InvalidMaxResultsException"
  | "InvalidNextTokenException"
  | "InvalidParameterCombinationException"
  | "InvalidParameterException"
  | "InvalidQueryStatementException"
  | "InvalidQueryStatusException"
  | "InvalidS3BucketNameException"
  | "InvalidS3PrefixException"
  | "InvalidSnsTopicNameException"
  | "InvalidSourceException"
  | "InvalidTagParameterException"
  | "InvalidTimeRangeException"
  | "InvalidTokenException"
  | "InvalidTrailNameException"
  | "KmsException"
  | "KmsKeyDisabledException"
  | "KmsKeyNotFoundException"
  | "MaxConcurrentQueriesException"
  | "MaximumNumberOfTrailsExceededException"
  | "NoManagementAccountSLRExistsException"
  | "NotOrganizationManagementAccountException"
  | "NotOrganizationMasterAccountException"
  | "OperationNotPermittedException"
  | "OrganizationNotInAllFeaturesModeException"
  | "OrganizationsNotInUseException"
  | "QueryIdNotFoundException"
  | "ResourceARNNotValidException"
  | "ResourceNotFoundException"
  | "ResourcePolicyNotFoundException"
  | "ResourcePolicyNotValidException"
  | "ResourceTypeNotSupportedException"
  | "S3BucketDoesNotExistException"
  | "ServiceQuotaExceededException"
  | "TagsLimitExceededException"
  | "ThrottlingException"
  | "TrailAlreadyExistsException"
  | "TrailNotFoundException"
  | "TrailNotProvidedException"
  | "UnsupportedOperationException";
