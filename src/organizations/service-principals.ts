import data from './service-principals.json' with { type: 'json' };

/**
 * The service principals AWS lists as working with Organizations (trusted access, delegated
 * administrators). AWS refuses any other with InvalidInputException UNRECOGNIZED_SERVICE_PRINCIPAL;
 * the list, its source and the date it was read are in service-principals.json.
 */
const KNOWN: ReadonlySet<string> = new Set(data.principals);

export const isKnownServicePrincipal = (principal: string): boolean => KNOWN.has(principal);

export const UNRECOGNIZED_SERVICE_PRINCIPAL = 'You specified an unrecognized service principal.';
