import type { Child } from 'hono/jsx';
import type { LoadedSession } from '../session/sessions.js';
import { Csrf } from './forms.js';

interface NavItem {
  href: string;
  label: string;
}

/** The IAM areas, in AWS's console order. */
const IAM_NAV: NavItem[] = [
  { href: '/console/home', label: 'Dashboard' },
  { href: '/console/users', label: 'Users' },
  { href: '/console/groups', label: 'User groups' },
  { href: '/console/roles', label: 'Roles' },
  { href: '/console/policies', label: 'Policies' },
  { href: '/console/identity-providers', label: 'Identity providers' },
  { href: '/console/account-settings', label: 'Account settings' },
  { href: '/console/credential-report', label: 'Credential report' },
  { href: '/console/simulator', label: 'Policy simulator' },
  { href: '/console/events', label: 'Event history' },
];

export interface LayoutProps {
  title: string;
  /** Absent on the sign-in pages. */
  session?: LoadedSession | undefined;
  csrf?: string | undefined;
  /** Shown in the nav when the caller is the management account. */
  organizations?: boolean;
  /** Shown in the nav in emulator mode or for the operator. */
  outbox?: boolean;
  /** The nav entry to mark current. */
  active?: string;
  children?: Child;
}

/** Every console page: a skip link, the header with the signed-in identity, the nav and the main region. */
export function Layout(p: LayoutProps) {
  const nav = [...IAM_NAV];
  if (p.organizations) nav.push({ href: '/console/organizations', label: 'AWS Organizations' });
  nav.push({ href: '/console/security-credentials', label: 'My security credentials' });
  if (p.outbox) nav.push({ href: '/console/outbox', label: 'Outbox' });
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} | Ward IAM`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/console/home">
            Ward <span>IAM</span>
          </a>
          {p.session ? <Identity session={p.session} csrf={p.csrf ?? ''} /> : null}
        </header>
        <div class={p.session ? 'shell' : 'shell bare'}>
          {p.session ? (
            <nav aria-label="Identity and Access Management">
              <details open>
                <summary>Menu</summary>
                <ul>
                  {nav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={p.active === item.href ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            <h1>{p.title}</h1>
            {p.children}
          </main>
        </div>
      </body>
    </html>
  );
}

function Identity({ session, csrf }: { session: LoadedSession; csrf: string }) {
  const p = session.principal;
  const who =
    p.kind === 'root'
      ? `Root user (${session.displayName})`
      : `${session.displayName} @ ${session.accountAlias ?? p.accountId}`;
  return (
    <div class="identity">
      <span data-testid="identity">{who}</span>
      <span class="account">Account {p.accountId}</span>
      <form method="post" action="/console/signout" class="inline">
        <Csrf token={csrf} />
        <button type="submit" class="link">
          Sign out
        </button>
      </form>
    </div>
  );
}
