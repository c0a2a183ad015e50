import type { ServiceMapping } from '../mapping-types.js';
import { dynamodb, dynamodbStreams } from './dynamodb.js';
import { events } from './events.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { logs } from './logs.js';
import { s3 } from './s3.js';
import { secretsmanager } from './secretsmanager.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';
import { ssm } from './ssm.js';

/** The services mapped to exact resources, by botocore service name. */
export const SERVICE_MAPPINGS: ReadonlyMap<string, ServiceMapping> = new Map(
  [s3, sqs, sns, dynamodb, dynamodbStreams, lambda, kms, secretsmanager, ssm, logs, events].map((m) => [m.service, m]),
);
