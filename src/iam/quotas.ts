/** IAM default quotas ("IAM and AWS STS quotas" in the IAM User Guide). */
export const IAM_QUOTAS = {
  UsersPerAccount: 5000,
  GroupsPerAccount: 300,
  GroupsPerUser: 10,
  AccessKeysPerUser: 2,
  TagsPerEntity: 50,
  ServerCertificatesPerAccount: 20,
  UserPolicySize: 2048,
  GroupPolicySize: 5120,
  RolePolicySize: 10240,
  PolicySize: 6144,
  AssumeRolePolicySize: 2048,
  SigningCertificatesPerUser: 2,
  AttachedPoliciesPerEntity: 10,
  CustomerManagedPolicies: 1500,
  VersionsPerPolicy: 5,
  Roles: 1000,
  InstanceProfiles: 1000,
  PolicyVersionsInUse: 10000,
  SAMLProvidersPerAccount: 100,
} as const;

export type IamQuotas = { -readonly [K in keyof typeof IAM_QUOTAS]: number };

/** AWS raises some quotas on request (users per account among them); an operator can here too. */
export function iamQuotas(overrides: Partial<IamQuotas> = {}): IamQuotas {
  return { ...IAM_QUOTAS, ...overrides };
}
