import type { Caller } from '../auth/authenticate.js';
import type { AuthorizeOptions } from '../shared/call-context.js';
import { backendUnreachable } from './service-errors.js';
import { callBackend } from './backend-calls.js';
import type { GatewayDeps } from './gateway-deps.js';
import { policyHolderOf } from './resource-policies.js';

const S3_RESOURCE = /^arn:[^:]+:s3:::([^/]+)/;

/**
 * The resource's own policy and owner for one question. The policy is read from the backend
 * once and cached; a backend that cannot say whether a policy exists fails the request
 * (503): assuming "no policy" would drop its explicit denies.
 */
export async function resourcePolicyOf(
  deps: GatewayDeps,
  action: string,
  resourceArn: string,
  caller: Caller,
): Promise<AuthorizeOptions> {
  const options: AuthorizeOptions = {};
  const bucket = S3_RESOURCE.exec(resourceArn)?.[1];
  // A bucket being created is the creator's; if the name is taken, S3 itself refuses.
  if (bucket !== undefined && action === 's3:CreateBucket') options.resourceOwner = caller.principal.accountId;
  else if (bucket !== undefined) {
    const owner = (await deps.resources.get(`owner arn:aws:s3:::${bucket}`, () =>
      deps.bucketOwners.ownerOf(bucket),
    )) as string | undefined;
    options.resourceOwner = owner ?? deps.defaultBucketOwner;
  }
  const holder = policyHolderOf(resourceArn);
  if (!holder) return options;
  const target = deps.targets.for([holder.service]);
  if (!target) return options;
  const document = (await deps.resources.get(`policy ${holder.arn}`, async () => {
    const credentials = deps.backendCredentials([holder.service]) ?? PLACEHOLDER_KEY;
    try {
      const answer = await callBackend(
        deps.client,
        target,
        { signingName: holder.service, region: caller.region, credentials },
        holder.fetch(target.url.origin),
        new Date(),
      );
      return holder.read(answer);
    } catch {
      throw backendUnreachable(holder.service);
    }
  })) as string | undefined;
  if (document !== undefined) {
    options.resourcePolicy = { id: holder.arn, document, kind: 'resource' };
    // A key policy is the key's first word: IAM policies count only where it allows the account.
    if (holder.service === 'kms') options.resourcePolicyRequired = true;
  }
  return options;
}

/** Backends that check no signatures (moto's server) accept any key; one that does needs --gateway-backend-key. */
export const PLACEHOLDER_KEY = { accessKeyId: 'WARDGATEWAYPLACEHOLDER', secretAccessKey: 'ward-gateway-placeholder' };
