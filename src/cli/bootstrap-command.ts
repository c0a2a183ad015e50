import type { WardConfig } from '../config/config.js';
import { bootstrapOptionsFrom } from '../config/bootstrap-options.js';
import { loadMasterKey } from '../config/master-key.js';
import { bootstrap } from '../iam/bootstrap.js';
import { SecretBox } from '../shared/secret-box.js';
import { openStore } from '../store/open-store.js';
import { printBootstrap } from './print-bootstrap.js';

export async function bootstrapCommand(config: WardConfig): Promise<number> {
  const opened = await openStore(config, new SecretBox(loadMasterKey(config.dataDir)));
  try {
    const result = await bootstrap(opened.store, bootstrapOptionsFrom(config, new Date()));
    const where = opened.backend === 'postgres' ? 'PostgreSQL store' : `store in ${config.dataDir}`;
    if (!result.created) process.stdout.write(`The ${where} is already bootstrapped; nothing changed.\n`);
    printBootstrap(result, config.accountId);
    return 0;
  } finally {
    await opened.close();
  }
}
