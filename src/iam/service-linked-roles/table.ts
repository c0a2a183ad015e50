import data from './service-linked-roles.json' with { type: 'json' };

/** A service's service-linked role as AWS names it (see the data file's `_source`). */
export interface ServiceLinkedRoleSpec {
  roleName: string;
  /** Whether CreateServiceLinkedRole takes a CustomSuffix for this service. */
  customSuffix: boolean;
}

const TABLE: Readonly<Record<string, ServiceLinkedRoleSpec>> = data.roles;

/** The known service's role; services outside the table get a name derived from their principal. */
export function serviceLinkedRoleSpec(service: string): ServiceLinkedRoleSpec {
  return TABLE[service] ?? { roleName: `AWSServiceRoleFor${derivedName(service)}`, customSuffix: true };
}

/**
 * AWS publishes no rule for names it has not listed; the service prefix with each part
 * capitalized is what most of the table does (`backup` → Backup, `ssm-incidents` → …).
 */
function derivedName(service: string): string {
  return service
    .slice(0, -'.amazonaws.com'.length)
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
