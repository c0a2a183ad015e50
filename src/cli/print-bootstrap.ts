import type { BootstrapResult } from '../iam/bootstrap.js';

/** The one time a generated root secret is ever shown. */
export function printBootstrap(
  result: BootstrapResult,
  accountId: string,
  out: NodeJS.WritableStream = process.stdout,
): void {
  if (!result.created) return;
  const lines = [`Ward created account ${accountId} and its root user.`];
  if (result.generatedSecret !== undefined) {
    lines.push(
      'Root access key (shown only this once; store it now):',
      `  AWS_ACCESS_KEY_ID=${result.accessKeyId}`,
      `  AWS_SECRET_ACCESS_KEY=${result.generatedSecret}`,
    );
  } else {
    lines.push(`Root access key ${result.accessKeyId} from WARD_BOOTSTRAP_ACCESS_KEY_ID is active.`);
  }
  if (result.generatedRootPassword !== undefined) {
    lines.push(
      'Root console password (shown only this once; sign in at /console and change it):',
      `  ${result.generatedRootPassword}`,
    );
  }
  out.write(lines.join('\n') + '\n');
}
