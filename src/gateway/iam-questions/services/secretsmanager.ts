import type { ServiceMapping } from '../mapping-types.js';

/**
 * AWS Secrets Manager: a secret by name, partial ARN or full ARN; AWS authorizes the full ARN
 * with its random 6-character suffix, which only the backend knows (fact secretArn).
 */
export const secretsmanager: ServiceMapping = {
  service: 'secretsmanager',
  prefix: 'secretsmanager',
  precision: 'partial',
  bind: [{ member: 'SecretId', form: 'secret-id' }],
  operations: {
    // A new secret has no ARN yet: the name with a placeholder suffix that only a pattern
    // covering any suffix matches (`name-*`, `name-??????`), never one naming a single secret.
    CreateSecret: {
      questions: [
        {
          action: 'CreateSecret',
          resourceTypes: ['secret'],
          resourceText: 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${Name}-??????',
          bind: [{ member: 'Name', as: 'Name' }],
        },
      ],
      inexact: "the new secret's suffix is unknown: asked on `secret:NAME-??????`",
    },
    // BatchGetSecretValue asks for each secret by its own GetSecretValue (the SAR gives the batch no resource).
    BatchGetSecretValue: {
      questions: [
        { action: 'BatchGetSecretValue' },
        {
          action: 'GetSecretValue',
          each: { path: 'SecretIdList' },
          bind: [{ member: '$elements', form: 'secret-id' }],
        },
      ],
      inexact: 'secrets selected by Filters are not asked about one by one',
    },
  },
  limits:
    "secrets exact through the backend's full ARN; CreateSecret on NAME-??????; BatchGetSecretValue filters not resolved",
};
