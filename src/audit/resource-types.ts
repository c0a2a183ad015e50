import type { EventResource } from './event-store.js';

/** CloudTrail's resource types for the ARNs gateway calls name (`AWS::S3::Object`, `AWS::SQS::Queue`…). */
const TYPES: Array<[RegExp, string]> = [
  [/^arn:[^:]+:s3:::[^/]+\/./, 'AWS::S3::Object'],
  [/^arn:[^:]+:s3:::[^/]+$/, 'AWS::S3::Bucket'],
  [/^arn:[^:]+:sqs:/, 'AWS::SQS::Queue'],
  [/^arn:[^:]+:sns:/, 'AWS::SNS::Topic'],
  [/^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/[^/]+\/index\//, 'AWS::DynamoDB::Index'],
  [/^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/[^/]+\/stream\//, 'AWS::DynamoDB::Stream'],
  [/^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\//, 'AWS::DynamoDB::Table'],
  [/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/, 'AWS::Lambda::Function'],
  [/^arn:[^:]+:kms:[^:]*:[^:]*:key\//, 'AWS::KMS::Key'],
  [/^arn:[^:]+:kms:[^:]*:[^:]*:alias\//, 'AWS::KMS::Alias'],
  [/^arn:[^:]+:secretsmanager:/, 'AWS::SecretsManager::Secret'],
  [/^arn:[^:]+:ssm:[^:]*:[^:]*:parameter\//, 'AWS::SSM::Parameter'],
  [/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+:log-stream:/, 'AWS::Logs::LogStream'],
  [/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, 'AWS::Logs::LogGroup'],
  [/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//, 'AWS::Events::EventBus'],
  [/^arn:[^:]+:events:[^:]*:[^:]*:rule\//, 'AWS::Events::Rule'],
];

/** The resources of a gateway call's record: each ARN with its CloudTrail type (`AWS::<service>::<type>` otherwise). */
export function gatewayResources(arns: readonly string[]): EventResource[] {
  return arns.map((name) => ({ type: typeOf(name), name }));
}

function typeOf(arn: string): string {
  for (const [pattern, type] of TYPES) if (pattern.test(arn)) return type;
  const [, , service = 'unknown', , , resource = ''] = arn.split(':');
  const kind = resource.split(/[/:]/, 1)[0] || 'Resource';
  const title = (s: string): string => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  return `AWS::${title(service)}::${title(kind)}`;
}
