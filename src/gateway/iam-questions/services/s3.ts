import type { OperationMapping, QuestionSpec, ServiceMapping } from '../mapping-types.js';

/**
 * Amazon S3: "Actions, resources, and condition keys for Amazon S3" and "Required permissions for
 * Amazon S3 API operations" (S3 User Guide), where an operation's permission is not its name.
 */

const one = (action: string): OperationMapping => ({ questions: [{ action }] });

/** The operation's action, or its `…Version…` action when the request names a version. */
const versioned = (action: string, versionAction: string): OperationMapping => ({
  questions: [
    { action, when: { missing: 'VersionId' } },
    { action: versionAction, when: { has: 'VersionId' } },
  ],
});

/** Reading the source of a copy: s3:GetObject, or s3:GetObjectVersion for a given version. */
const copySource: QuestionSpec[] = [
  {
    action: 'GetObject',
    when: { missing: '$CopySourceVersionId' },
    bind: [
      { member: '$CopySourceBucket', as: 'BucketName' },
      { member: '$CopySourceKey', as: 'ObjectName' },
    ],
  },
  {
    action: 'GetObjectVersion',
    when: { has: '$CopySourceVersionId' },
    bind: [
      { member: '$CopySourceBucket', as: 'BucketName' },
      { member: '$CopySourceKey', as: 'ObjectName' },
    ],
  },
];

/** An ACL in the request (x-amz-acl or an x-amz-grant-* header) also needs s3:PutObjectAcl. */
const aclInRequest = {
  any: ['ACL', 'GrantFullControl', 'GrantRead', 'GrantReadACP', 'GrantWrite', 'GrantWriteACP'].map((has) => ({ has })),
};

/**
 * Writing an object, and what its headers set besides (the SAR's operation table: CopyObject →
 * s3:PutObject, s3:PutObjectAcl, s3:PutObjectLegalHold, s3:PutObjectRetention, s3:PutObjectTagging).
 */
const putObject: QuestionSpec[] = [
  { action: 'PutObject' },
  { action: 'PutObjectAcl', when: aclInRequest },
  { action: 'PutObjectTagging', when: { has: 'Tagging' } },
  { action: 'PutObjectLegalHold', when: { has: 'ObjectLockLegalHoldStatus' } },
  { action: 'PutObjectRetention', when: { any: [{ has: 'ObjectLockMode' }, { has: 'ObjectLockRetainUntilDate' }] } },
];

export const s3: ServiceMapping = {
  service: 's3',
  prefix: 's3',
  precision: 'partial',
  bind: [
    // An access point ARN in Bucket names no bucket: such calls are unresolved (denied).
    { member: 'Bucket', as: 'BucketName', form: 's3-bucket' },
    { member: 'Key', as: 'ObjectName' },
  ],
  operations: {
    ListObjects: one('ListBucket'),
    ListObjectsV2: one('ListBucket'),
    HeadBucket: one('ListBucket'),
    ListObjectVersions: one('ListBucketVersions'),
    ListMultipartUploads: one('ListBucketMultipartUploads'),
    ListParts: one('ListMultipartUploadParts'),
    ListBuckets: one('ListAllMyBuckets'),
    GetObject: versioned('GetObject', 'GetObjectVersion'),
    HeadObject: versioned('GetObject', 'GetObjectVersion'),
    GetObjectAcl: versioned('GetObjectAcl', 'GetObjectVersionAcl'),
    PutObjectAcl: versioned('PutObjectAcl', 'PutObjectVersionAcl'),
    GetObjectTagging: versioned('GetObjectTagging', 'GetObjectVersionTagging'),
    PutObjectTagging: versioned('PutObjectTagging', 'PutObjectVersionTagging'),
    DeleteObjectTagging: versioned('DeleteObjectTagging', 'DeleteObjectVersionTagging'),
    DeleteObject: versioned('DeleteObject', 'DeleteObjectVersion'),
    GetObjectAttributes: versioned('GetObjectAttributes', 'GetObjectVersionAttributes'),
    GetObjectTorrent: one('GetObjectTorrent'),
    SelectObjectContent: one('GetObject'),
    PutObject: { questions: putObject },
    CreateMultipartUpload: { questions: putObject },
    UploadPart: one('PutObject'),
    CompleteMultipartUpload: one('PutObject'),
    UploadPartCopy: { questions: [{ action: 'PutObject' }, ...copySource] },
    CopyObject: { questions: [...putObject, ...copySource] },
    DeleteObjects: {
      questions: [
        { action: 'DeleteObject', each: { path: 'Delete.Objects' }, when: { missing: 'VersionId' } },
        { action: 'DeleteObjectVersion', each: { path: 'Delete.Objects' }, when: { has: 'VersionId' } },
      ],
    },
    // A bucket created with an ACL, Object Lock or an ownership setting also sets those.
    CreateBucket: {
      questions: [
        { action: 'CreateBucket' },
        { action: 'PutBucketAcl', when: aclInRequest },
        { action: 'PutBucketObjectLockConfiguration', when: { equals: ['ObjectLockEnabledForBucket', 'true'] } },
        { action: 'PutBucketVersioning', when: { equals: ['ObjectLockEnabledForBucket', 'true'] } },
        { action: 'PutBucketOwnershipControls', when: { has: 'ObjectOwnership' } },
      ],
    },
    DeleteBucketCors: one('PutBucketCORS'),
    GetBucketEncryption: one('GetEncryptionConfiguration'),
    PutBucketEncryption: one('PutEncryptionConfiguration'),
    DeleteBucketEncryption: one('PutEncryptionConfiguration'),
    GetBucketLifecycle: one('GetLifecycleConfiguration'),
    GetBucketLifecycleConfiguration: one('GetLifecycleConfiguration'),
    PutBucketLifecycle: one('PutLifecycleConfiguration'),
    PutBucketLifecycleConfiguration: one('PutLifecycleConfiguration'),
    DeleteBucketLifecycle: one('PutLifecycleConfiguration'),
    GetBucketNotificationConfiguration: one('GetBucketNotification'),
    PutBucketNotificationConfiguration: one('PutBucketNotification'),
    GetBucketReplication: one('GetReplicationConfiguration'),
    PutBucketReplication: one('PutReplicationConfiguration'),
    DeleteBucketReplication: one('PutReplicationConfiguration'),
    DeleteBucketTagging: one('PutBucketTagging'),
    GetBucketAccelerateConfiguration: one('GetAccelerateConfiguration'),
    PutBucketAccelerateConfiguration: one('PutAccelerateConfiguration'),
    GetBucketAnalyticsConfiguration: one('GetAnalyticsConfiguration'),
    ListBucketAnalyticsConfigurations: one('GetAnalyticsConfiguration'),
    PutBucketAnalyticsConfiguration: one('PutAnalyticsConfiguration'),
    DeleteBucketAnalyticsConfiguration: one('PutAnalyticsConfiguration'),
    GetBucketInventoryConfiguration: one('GetInventoryConfiguration'),
    ListBucketInventoryConfigurations: one('GetInventoryConfiguration'),
    PutBucketInventoryConfiguration: one('PutInventoryConfiguration'),
    DeleteBucketInventoryConfiguration: one('PutInventoryConfiguration'),
    GetBucketMetricsConfiguration: one('GetMetricsConfiguration'),
    ListBucketMetricsConfigurations: one('GetMetricsConfiguration'),
    PutBucketMetricsConfiguration: one('PutMetricsConfiguration'),
    DeleteBucketMetricsConfiguration: one('PutMetricsConfiguration'),
    GetBucketIntelligentTieringConfiguration: one('GetIntelligentTieringConfiguration'),
    ListBucketIntelligentTieringConfigurations: one('GetIntelligentTieringConfiguration'),
    PutBucketIntelligentTieringConfiguration: one('PutIntelligentTieringConfiguration'),
    DeleteBucketIntelligentTieringConfiguration: one('PutIntelligentTieringConfiguration'),
    GetObjectLockConfiguration: one('GetBucketObjectLockConfiguration'),
    PutObjectLockConfiguration: one('PutBucketObjectLockConfiguration'),
    DeleteBucketOwnershipControls: one('PutBucketOwnershipControls'),
    GetPublicAccessBlock: one('GetBucketPublicAccessBlock'),
    PutPublicAccessBlock: one('PutBucketPublicAccessBlock'),
    DeletePublicAccessBlock: one('PutBucketPublicAccessBlock'),
  },
  conditionMembers: {
    's3:x-amz-acl': { member: 'ACL' },
    's3:x-amz-copy-source': { member: 'CopySource' },
    's3:x-amz-metadata-directive': { member: 'MetadataDirective' },
    's3:x-amz-server-side-encryption': { member: 'ServerSideEncryption' },
    's3:x-amz-server-side-encryption-aws-kms-key-id': { member: 'SSEKMSKeyId' },
    's3:x-amz-server-side-encryption-customer-algorithm': { member: 'SSECustomerAlgorithm' },
    's3:x-amz-storage-class': { member: 'StorageClass' },
    's3:x-amz-website-redirect-location': { member: 'WebsiteRedirectLocation' },
    's3:x-amz-grant-full-control': { member: 'GrantFullControl' },
    's3:x-amz-grant-read': { member: 'GrantRead' },
    's3:x-amz-grant-read-acp': { member: 'GrantReadACP' },
    's3:x-amz-grant-write': { member: 'GrantWrite' },
    's3:x-amz-grant-write-acp': { member: 'GrantWriteACP' },
    's3:x-amz-object-ownership': { member: 'ObjectOwnership' },
    's3:object-lock-mode': { member: 'ObjectLockMode' },
    's3:object-lock-retain-until-date': { member: 'ObjectLockRetainUntilDate' },
    's3:object-lock-legal-hold': { member: 'ObjectLockLegalHoldStatus' },
    's3:locationconstraint': { member: 'CreateBucketConfiguration.LocationConstraint' },
    's3:if-match': { member: 'IfMatch' },
    's3:if-none-match': { member: 'IfNoneMatch' },
  },
  limits:
    'buckets and objects by name (not access points); aws:ResourceTag and s3:BucketTag not populated (fail closed); s3:ResourceAccount not set',
};
