import type { BootstrapOptions } from '../iam/bootstrap.js';
import type { WardConfig } from './config.js';

export function bootstrapOptionsFrom(config: WardConfig, now: Date): BootstrapOptions {
  const { bootstrapAccessKeyId: accessKeyId, bootstrapSecretAccessKey: secretAccessKey } = config;
  return {
    accountId: config.accountId,
    rootEmail: config.rootEmail,
    now,
    ...(config.rootPassword ? { rootPassword: config.rootPassword } : {}),
    ...(accessKeyId && secretAccessKey ? { accessKey: { accessKeyId, secretAccessKey } } : {}),
  };
}
