import type { WardConfig } from '../config/config.js';
import { createLogger } from '../server/logger.js';
import { BufferedRequestLog } from '../server/request-log.js';
import { startWard } from '../server/ward.js';
import { printBootstrap } from './print-bootstrap.js';

export async function serveCommand(config: WardConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  const requestLog = new BufferedRequestLog(1, config.logLevel);
  const ward = await startWard(config, { logger, requestLog });
  printBootstrap(ward.bootstrap, config.accountId);
  logger.info(
    { url: ward.url, dataDir: config.dataDir, store: ward.backend, emulator: config.emulator },
    'Ward is listening',
  );
  if (!config.publicUrl && (config.host === '0.0.0.0' || config.host === '::')) {
    logger.warn(
      'listening on every interface without --public-url: the console answers only to loopback and the wildcard address, and mailed links name it; set WARD_PUBLIC_URL',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Request lines already answered come before the shutdown in the log.
    requestLog.flush();
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    ward.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
