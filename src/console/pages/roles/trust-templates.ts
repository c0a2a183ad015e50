/** Service principals AWS's console offers first under "AWS service". */
export const SERVICE_PRINCIPALS = [
  { value: 'ec2.amazonaws.com', label: 'EC2' },
  { value: 'lambda.amazonaws.com', label: 'Lambda' },
  { value: 'ecs-tasks.amazonaws.com', label: 'Elastic Container Service Task' },
  { value: 'states.amazonaws.com', label: 'Step Functions' },
  { value: 'apigateway.amazonaws.com', label: 'API Gateway' },
  { value: 'events.amazonaws.com', label: 'EventBridge' },
  { value: 'codebuild.amazonaws.com', label: 'CodeBuild' },
  { value: 'glue.amazonaws.com', label: 'Glue' },
  { value: 'sagemaker.amazonaws.com', label: 'SageMaker' },
  { value: 'cloudformation.amazonaws.com', label: 'CloudFormation' },
];

export type TrustedEntity = 'service' | 'account' | 'web-identity' | 'saml' | 'custom';

/** The choices of the "Select trusted entity" step, as query parameters. */
export interface TrustChoice {
  entity: TrustedEntity;
  service: string;
  /** 'this' or 'another' account. */
  account: string;
  accountId: string;
  externalId: string;
  requireMfa: boolean;
  provider: string;
  audience: string;
  /** The SAML provider's ARN ('saml'). */
  samlProvider: string;
}

export function trustChoiceOf(q: (name: string) => string | undefined): TrustChoice {
  const entity = q('entity');
  return {
    entity:
      entity === 'account' || entity === 'web-identity' || entity === 'saml' || entity === 'custom'
        ? entity
        : 'service',
    service: q('service') || SERVICE_PRINCIPALS[0]!.value,
    account: q('account') === 'another' ? 'another' : 'this',
    accountId: (q('accountId') ?? '').trim(),
    externalId: q('requireExternalId') ? (q('externalId') ?? '').trim() : '',
    requireMfa: q('requireMfa') !== undefined,
    provider: q('provider') ?? '',
    audience: (q('audience') ?? '').trim(),
    samlProvider: q('samlProvider') ?? '',
  };
}

/**
 * The trust policy AWS's console writes for the chosen trusted entity. Nothing is checked here:
 * the editor shows it and the API's validator judges it.
 */
export function trustPolicyFor(
  choice: TrustChoice,
  ownAccountId: string,
  samlAudiences: string[] = ['https://signin.aws.amazon.com/saml'],
): string {
  const statement: Record<string, unknown> = { Effect: 'Allow' };
  switch (choice.entity) {
    case 'service':
      statement.Principal = { Service: choice.service };
      statement.Action = 'sts:AssumeRole';
      break;
    case 'account': {
      const id = choice.account === 'another' ? choice.accountId : ownAccountId;
      statement.Principal = { AWS: `arn:aws:iam::${id}:root` };
      statement.Action = 'sts:AssumeRole';
      const condition: Record<string, Record<string, string>> = {};
      if (choice.externalId) condition.StringEquals = { 'sts:ExternalId': choice.externalId };
      if (choice.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
      if (Object.keys(condition).length > 0) statement.Condition = condition;
      break;
    }
    case 'web-identity': {
      statement.Principal = { Federated: choice.provider };
      statement.Action = 'sts:AssumeRoleWithWebIdentity';
      // The condition key is the provider's URL without scheme: its ARN after "oidc-provider/".
      const issuer = choice.provider.split(':oidc-provider/')[1] ?? '';
      if (issuer && choice.audience) statement.Condition = { StringEquals: { [`${issuer}:aud`]: choice.audience } };
      break;
    }
    case 'saml':
      // As AWS's console writes it, with this Ward's own /saml beside AWS's sign-in endpoint.
      statement.Principal = { Federated: choice.samlProvider };
      statement.Action = 'sts:AssumeRoleWithSAML';
      statement.Condition = {
        StringEquals: { 'SAML:aud': samlAudiences.length === 1 ? samlAudiences[0] : samlAudiences },
      };
      break;
    case 'custom':
      statement.Sid = 'Statement1';
      statement.Principal = {};
      statement.Action = 'sts:AssumeRole';
      break;
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}
