export const roleHref = (roleName: string, tab = ''): string => `/console/roles/${encodeURIComponent(roleName)}${tab}`;

/** Service-linked roles live under /aws-service-role/ and only their service may change them. */
export const isServiceLinked = (path: string | undefined): boolean => (path ?? '').startsWith('/aws-service-role/');
