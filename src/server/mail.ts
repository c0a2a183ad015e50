import { join } from 'node:path';
import { type Outbox, directoryOutbox, relayedOutbox } from '../account/outbox.js';
import { smtpOutbox } from '../account/smtp.js';
import type { WardConfig } from '../config/config.js';
import type { Logger } from './logger.js';

/** Where the outbox keeps its `.eml` files. */
export const outboxDir = (config: Pick<WardConfig, 'dataDir'>): string => join(config.dataDir, 'outbox');

/**
 * Ward's mail (`settled()` waits for SMTP deliveries under way): always the directory outbox (`<data>/outbox`, which the console's outbox page
 * reads); with WARD_SMTP_URL also an SMTP relay, whose failures are logged (the relay's reply,
 * never the message) without failing the call that sent the message.
 */
export function createMailOutbox(
  config: Pick<WardConfig, 'dataDir' | 'smtpUrl' | 'mailFrom'>,
  logger: Logger,
): Outbox & { settled(): Promise<void> } {
  const directory = directoryOutbox(outboxDir(config), config.mailFrom);
  if (config.smtpUrl === undefined) return { send: (m) => directory.send(m), settled: async () => undefined };
  const relay = smtpOutbox(config.smtpUrl, { from: config.mailFrom });
  return relayedOutbox(directory, relay, (err) =>
    logger.error(
      { err: { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: unknown }).code } },
      'sending mail over SMTP failed',
    ),
  );
}
