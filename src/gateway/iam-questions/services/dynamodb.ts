import type { OperationMapping, QuestionSpec, ServiceMapping } from '../mapping-types.js';

/**
 * Amazon DynamoDB: tables by name or ARN, indexes as `table/T/index/I`; batch and transaction
 * operations ask once per table or item ("DynamoDB API permissions: Actions, resources, and
 * conditions reference"); TransactWriteItems needs each item's own action.
 */

/** Query and Scan read the index when they name one, the table otherwise. */
const onIndexOrTable = (action: string): OperationMapping => ({
  questions: [
    { action, when: { has: 'IndexName' }, resourceTypes: ['index'] },
    { action, when: { missing: 'IndexName' }, resourceTypes: ['table'] },
  ],
});

const transactItem = (pick: string, action: string): QuestionSpec => ({
  action,
  each: { path: 'TransactItems', pick },
  resourceTypes: ['table'],
});

export const dynamodb: ServiceMapping = {
  service: 'dynamodb',
  prefix: 'dynamodb',
  precision: 'partial',
  bind: [
    { member: 'TableName', as: 'TableName', form: 'name-or-arn' },
    { member: 'IndexName', as: 'IndexName' },
    { member: 'ResourceArn', form: 'name-or-arn' },
    { member: 'BackupArn', form: 'name-or-arn' },
    { member: 'ExportArn', form: 'name-or-arn' },
    { member: 'ImportArn', form: 'name-or-arn' },
    { member: 'TableArn', form: 'name-or-arn' },
    { member: 'StreamArn', form: 'name-or-arn' },
    { member: 'GlobalTableName', as: 'GlobalTableName' },
    { member: 'TargetTableName', as: 'TableName' },
  ],
  operations: {
    Query: onIndexOrTable('Query'),
    Scan: onIndexOrTable('Scan'),
    BatchGetItem: {
      questions: [
        { action: 'BatchGetItem', each: { path: 'RequestItems', mapKeyAs: 'TableName' }, resourceTypes: ['table'] },
      ],
    },
    BatchWriteItem: {
      questions: [
        { action: 'BatchWriteItem', each: { path: 'RequestItems', mapKeyAs: 'TableName' }, resourceTypes: ['table'] },
      ],
    },
    TransactGetItems: { questions: [transactItem('Get', 'GetItem')] },
    TransactWriteItems: {
      questions: [
        transactItem('Put', 'PutItem'),
        transactItem('Update', 'UpdateItem'),
        transactItem('Delete', 'DeleteItem'),
        transactItem('ConditionCheck', 'ConditionCheckItem'),
      ],
    },
    ExecuteStatement: {
      questions: [{ action: 'PartiQLSelect', anyResource: true }],
      inexact:
        'PartiQL statements are not parsed: asked as PartiQLSelect on * (a resource-scoped grant does not match)',
    },
    BatchExecuteStatement: {
      questions: [{ action: 'PartiQLSelect', anyResource: true }],
      inexact: 'PartiQL statements are not parsed: asked as PartiQLSelect on *',
    },
    ExecuteTransaction: {
      questions: [{ action: 'PartiQLSelect', anyResource: true }],
      inexact: 'PartiQL statements are not parsed: asked as PartiQLSelect on *',
    },
    // The backup is restored into a new table: both are asked about.
    RestoreTableFromBackup: {
      questions: [{ action: 'RestoreTableFromBackup', resourceTypes: ['backup', 'table'] }],
    },
    RestoreTableToPointInTime: {
      questions: [
        {
          action: 'RestoreTableToPointInTime',
          bind: [
            { member: 'SourceTableName', as: 'TableName' },
            { member: 'SourceTableArn', form: 'name-or-arn' },
          ],
        },
      ],
    },
  },
  inexact: {
    UpdateItem: 'dynamodb:Attributes from an UpdateExpression is a superset (every name it mentions)',
  },
  limits:
    'tables, indexes, streams, backups exact; dynamodb:LeadingKeys needs the table key fact; PartiQL on *; dynamodb:Attributes from expressions is a superset',
};

/** DynamoDB Streams (its own endpoint, the same IAM service and resources). */
export const dynamodbStreams: ServiceMapping = {
  ...dynamodb,
  service: 'dynamodbstreams',
  precision: 'full',
  operations: {},
  inexact: {},
  limits: 'streams by ARN; ListStreams on *',
};
