import { isIP } from 'node:net';

/**
 * The console's canonical origin and the Host headers it answers to. Links Ward mails are built
 * from the origin, never from a request's Host: a forged Host would otherwise put a root's
 * recovery token on the attacker's server. The allowed hosts are the public URL's and the
 * listen address's (with its loopback spellings when it is a loopback or wildcard address).
 */
export class PublicOrigin {
  readonly #allowed: Set<string>;
  readonly #scheme: 'http:' | 'https:';

  private constructor(
    readonly url: string,
    allowed: Set<string>,
  ) {
    this.#allowed = allowed;
    this.#scheme = new URL(url).protocol === 'https:' ? 'https:' : 'http:';
  }

  /** `publicUrl` as configured, else `http://<host>:<port>` of the socket as bound. */
  static of(publicUrl: string | undefined, listenHost: string, listenPort: number): PublicOrigin {
    const listen = `http://${bracketed(listenHost)}:${listenPort}`;
    const url = publicUrl ?? listen;
    const allowed = new Set<string>();
    const add = (u: string) => allowed.add(hostKey(new URL(u).host, new URL(u).protocol));
    add(url);
    add(listen);
    if (isLoopbackOrWildcard(listenHost))
      for (const h of ['127.0.0.1', 'localhost', '[::1]']) add(`http://${h}:${listenPort}`);
    return new PublicOrigin(new URL(url).origin, allowed);
  }

  /** Whether the console's public URL is https: then browsers reach it over TLS, whatever the last hop was. */
  get secure(): boolean {
    return this.#scheme === 'https:';
  }

  /** Whether a request's Host header names this console (compared without case, default port or not). */
  allows(host: string | undefined): boolean {
    if (!host || !/^[A-Za-z0-9.\-:[\]]{1,300}$/.test(host)) return false;
    let parsed: string;
    try {
      parsed = new URL(`${this.#scheme}//${host}`).host;
    } catch {
      return false;
    }
    return this.#allowed.has(hostKey(parsed, this.#scheme));
  }
}

/** `host:port` in lower case with the scheme's default port spelled out, so `x` and `x:443` compare equal. */
function hostKey(host: string, scheme: string): string {
  const lower = host.toLowerCase();
  return /:\d+$/.test(lower) ? lower : `${lower}:${scheme === 'https:' ? 443 : 80}`;
}

function bracketed(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

function isLoopbackOrWildcard(host: string): boolean {
  return host === 'localhost' || host === '::' || host === '::1' || host === '0.0.0.0' || /^127\./.test(host);
}
