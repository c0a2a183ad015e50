import type { ServiceMapping } from '../mapping-types.js';

/**
 * AWS Lambda: a function by name, ARN or partial ARN, with a version or alias appended or in
 * Qualifier; a qualified call is authorized on the qualified ARN ("Fine-tuning the Resources and
 * Conditions sections of policies"). Invoke is lambda:InvokeFunction.
 */
export const lambda: ServiceMapping = {
  service: 'lambda',
  prefix: 'lambda',
  precision: 'partial',
  bind: [
    { member: 'Qualifier', as: '$qualifier' },
    { member: 'Qualifier', as: 'Alias' },
    { member: 'Qualifier', as: 'Version' },
    { member: 'FunctionName', form: 'lambda-function' },
    { member: 'Resource', form: 'name-or-arn' },
    { member: 'LayerName', as: 'LayerName', form: 'name-or-arn' },
    { member: 'VersionNumber', as: 'LayerVersion' },
    { member: 'UUID', as: 'UUID' },
    { member: 'CodeSigningConfigArn', form: 'name-or-arn' },
  ],
  operations: {
    Invoke: { questions: [{ action: 'InvokeFunction' }] },
    InvokeAsync: { questions: [{ action: 'InvokeFunction' }] },
    InvokeWithResponseStream: { questions: [{ action: 'InvokeFunction' }] },
  },
  bindByOperation: [
    // Tagging names its resource by ARN only.
    { operations: /^(Tag|Untag)Resource$|^ListTags$/, bind: [{ member: 'Resource', form: 'name-or-arn' }] },
  ],
  arnSuffix: { function: { variable: '$qualifier', text: ':${$qualifier}' } },
  conditionMembers: {
    'lambda:FunctionUrlAuthType': { member: 'AuthType' },
    'lambda:Layer': { member: 'Layers' },
    'lambda:SubnetIds': { member: 'VpcConfig.SubnetIds' },
    'lambda:SecurityGroupIds': { member: 'VpcConfig.SecurityGroupIds' },
  },
  limits:
    "functions, versions, aliases, layers, event source mappings exact; lambda:VpcIds not set (it needs the subnets' VPC)",
};
