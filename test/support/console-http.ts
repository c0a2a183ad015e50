import { request } from 'node:http';

export interface ConsoleResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/**
 * A cookie-keeping console client over raw node:http, so tests can send what a browser would
 * not (a forged Host, X-Forwarded-For, CR/LF in a form field) and see redirects unfollowed.
 */
export class ConsoleHttp {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<ConsoleResponse> {
    return this.send('GET', path, undefined, headers);
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<ConsoleResponse> {
    return this.send('POST', path, new URLSearchParams(form).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  /** The CSRF token of the form on `path` (a signed-out page's double-submit token, or a session's). */
  async csrf(path = '/console/signin'): Promise<string> {
    const page = await this.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
    return token;
  }

  /** Posts a signed-out form (sign-in, forgot/reset password) with a fresh double-submit token. */
  async postForm(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<ConsoleResponse> {
    const _csrf = await this.csrf('/console/signin');
    return this.post(path, { ...form, _csrf }, headers);
  }

  private send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<ConsoleResponse> {
    const url = new URL(path, this.baseUrl);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: false,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
            ...this.headers,
            ...headers,
          },
        },
        (res) => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const eq = pair!.indexOf('=');
            const name = pair!.slice(0, eq).trim();
            const value = pair!.slice(eq + 1).trim();
            if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              location: res.headers.location,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Signs in as an IAM user over HTTP; returns the sign-in response (302 to the next step when right). */
export async function signInIam(
  client: ConsoleHttp,
  account: string,
  userName: string,
  password: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<ConsoleResponse> {
  return client.postForm('/console/signin/iam', { account, userName, password, ...extra }, headers);
}

export async function signInRoot(
  client: ConsoleHttp,
  email: string,
  password: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<ConsoleResponse> {
  return client.postForm('/console/signin/root', { email, password, ...extra }, headers);
}
