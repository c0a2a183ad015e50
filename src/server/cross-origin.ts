/**
 * Emulator mode takes any unknown access key as the account's root, and `/moto-api/*` resets the
 * store: any web page the developer has open could reach them with a plain form or a navigation
 * (no preflight needed), signed with a made-up key. Browsers say where a request comes from; SDKs
 * and test suites send neither header, so refusing what a browser marks as cross-origin costs them
 * nothing. The console's own pages may still be opened from a link elsewhere (a GET navigation).
 */
export interface BrowserFacts {
  method: string;
  path: string;
  /** `host` header as received. */
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  secFetchMode: string | undefined;
  secure: boolean;
}

/** Where IdPs post SAML responses: AWS's /saml, and /saml/acs/<SAMLProviderUUID> for a provider's encrypted ones. */
export const SAML_ACS_PATH = /^\/saml(?:\/acs\/[A-Z0-9]{22,64})?$/;

export function crossOriginRefusal(r: BrowserFacts): string | undefined {
  const navigation = r.secFetchMode === 'navigate' && (r.method === 'GET' || r.method === 'HEAD');
  if (navigation && (r.path === '/console' || r.path.startsWith('/console/'))) return undefined;
  // A broker's sign-in link (GET /federation?Action=login): the sealed token is the credential.
  if (navigation && r.path === '/federation') return undefined;
  // An IdP posts its SAMLResponse from its own site by design; the signed assertion is the
  // credential there, never an unknown access key.
  if (r.secFetchMode === 'navigate' && r.method === 'POST' && SAML_ACS_PATH.test(r.path)) return undefined;
  const site = r.secFetchSite?.trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  if (r.origin !== undefined) {
    const own = r.host ? `${r.secure ? 'https' : 'http'}://${r.host}`.toLowerCase() : undefined;
    if (r.origin.trim().toLowerCase() !== own) return `Origin: ${r.origin}`;
  }
  return undefined;
}
