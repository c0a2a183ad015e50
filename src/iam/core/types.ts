import type { EmulatorRelaxations } from '../../shared/emulator-relaxations.js';
import type { CacheBus } from '../../shared/cache-bus.js';
import type { IamOperationName, IamOperations } from '../../wire/generated/iam.js';
import type { OperationHandler } from '../../shared/call-context.js';
import type { IamStore } from '../iam-store.js';
import type { IamQuotas } from '../quotas.js';
import type { IamOrganizationsPort } from './organizations-port.js';
import type { SamlProviderStore } from '../saml-provider-store.js';

export interface IamDeps {
  store: IamStore;
  bus: CacheBus;
  quotas: IamQuotas;
  /** Organizations, for centralized root access (absent: those operations answer OrganizationNotFound). */
  organizations?: IamOrganizationsPort;
  /** `--emulator`'s relaxations toward moto (absent: AWS's rules, strictly). */
  emulator?: EmulatorRelaxations;
  /** The account's identity providers: GetAccountSummary's Providers count, and the OIDC providers' tags. */
  identityProviders?: {
    list(accountId: string): Promise<unknown[]>;
    get(arn: string): Promise<{ arn: string; accountId: string } | undefined>;
  };
  /** SAML providers (absent: their operations answer InvalidAction); counted in GetAccountSummary's Providers too. */
  samlProviders?: SamlProviderStore;
}

export type IamHandlers = {
  [Op in IamOperationName]?: OperationHandler<IamOperations[Op]['input'], IamOperations[Op]['output']>;
};
