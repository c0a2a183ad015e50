import type { ServiceMapping } from '../mapping-types.js';

/**
 * AWS Systems Manager Parameter Store: a parameter by name (with or without its leading `/`) or
 * ARN, `parameter/NAME-WITHOUT-LEADING-SLASH`; GetParameters and DeleteParameters per name;
 * GetParametersByPath on the path. Documents are named by Name too (other SSM families: the SAR).
 */
export const ssm: ServiceMapping = {
  service: 'ssm',
  prefix: 'ssm',
  precision: 'partial',
  bind: [{ member: 'ResourceId', as: 'ResourceId' }],
  bindByOperation: [
    {
      operations: /Parameter/,
      bind: [
        { member: 'Name', form: 'ssm-parameter' },
        { member: 'Path', form: 'ssm-parameter' },
      ],
    },
    { operations: /Document/, bind: [{ member: 'Name', as: 'DocumentName', form: 'name-or-arn' }] },
  ],
  operations: {
    GetParameters: {
      questions: [
        { action: 'GetParameters', each: { path: 'Names' }, bind: [{ member: '$elements', form: 'ssm-parameter' }] },
      ],
    },
    DeleteParameters: {
      questions: [
        { action: 'DeleteParameters', each: { path: 'Names' }, bind: [{ member: '$elements', form: 'ssm-parameter' }] },
      ],
    },
    // Tagging names a parameter by ResourceType + ResourceId.
    AddTagsToResource: {
      questions: [
        {
          action: 'AddTagsToResource',
          when: { equals: ['ResourceType', 'Parameter'] },
          bind: [{ member: 'ResourceId', form: 'ssm-parameter' }],
        },
      ],
      inexact: 'only parameters are mapped for tagging; other resource types are unresolved',
    },
    RemoveTagsFromResource: {
      questions: [
        {
          action: 'RemoveTagsFromResource',
          when: { equals: ['ResourceType', 'Parameter'] },
          bind: [{ member: 'ResourceId', form: 'ssm-parameter' }],
        },
      ],
      inexact: 'only parameters are mapped for tagging',
    },
    ListTagsForResource: {
      questions: [
        {
          action: 'ListTagsForResource',
          when: { equals: ['ResourceType', 'Parameter'] },
          bind: [{ member: 'ResourceId', form: 'ssm-parameter' }],
        },
      ],
      inexact: 'only parameters are mapped for tagging',
    },
  },
  limits:
    'Parameter Store exact (parameters, paths, per-name batches); documents by name; other Systems Manager families as the SAR and the input allow, else unresolved',
};
