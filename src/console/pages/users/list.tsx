import type { Group, ListUsersResponse, User } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { PAGE_SIZE, listAll, userPath, when } from './common.js';

interface UsersPage {
  users: User[];
  /** Query strings of the neighbouring pages, when there are any. */
  next?: string;
  previous?: string;
  /** Set when the whole (filtered) list is known. */
  total?: number;
}

/**
 * Without a search term, one ListUsers page per view: Marker/MaxItems, with the markers of the pages
 * before carried in the link (`prev`) so "Previous" works without server state.
 */
async function markerPage(c: ConsoleContext): Promise<UsersPage> {
  const marker = c.req.query('marker');
  const prev = c.req.queries('prev') ?? [];
  const out = await c.var.call<ListUsersResponse>('iam', 'ListUsers', {
    MaxItems: PAGE_SIZE,
    ...(marker ? { Marker: marker } : {}),
  });
  const page: UsersPage = { users: out.Users };
  if (out.IsTruncated && out.Marker) {
    const q = new URLSearchParams({ marker: out.Marker });
    for (const p of [...prev, marker ?? '']) q.append('prev', p);
    page.next = q.toString();
  }
  if (marker !== undefined) {
    const q = new URLSearchParams();
    const before = prev.at(-1);
    if (before) q.set('marker', before);
    for (const p of prev.slice(0, -1)) q.append('prev', p);
    page.previous = q.toString();
  }
  return page;
}

/**
 * With a search term, AWS's console filters what it has listed; here the server pages through all
 * of ListUsers and filters by name substring, which is fine for accounts of a few thousand users
 * (ListUsers has no name filter, only PathPrefix).
 */
async function searchPage(c: ConsoleContext, search: string): Promise<UsersPage> {
  const needle = search.toLowerCase();
  const matches = (await listAll<User>(c, 'ListUsers', {}, 'Users')).filter((u) =>
    u.UserName.toLowerCase().includes(needle),
  );
  const pageNo = Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1);
  const link = (n: number) => new URLSearchParams({ search, page: String(n) }).toString();
  const page: UsersPage = { users: matches.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE), total: matches.length };
  if (pageNo * PAGE_SIZE < matches.length) page.next = link(pageNo + 1);
  if (pageNo > 1) page.previous = link(pageNo - 1);
  return page;
}

/** Group counts per user, as the console's "Groups" column; a denied lookup shows a dash rather than failing the list. */
async function groupCounts(c: ConsoleContext, users: User[]): Promise<Map<string, number | undefined>> {
  const counts = new Map<string, number | undefined>();
  await Promise.all(
    users.map(async (u) => {
      try {
        counts.set(
          u.UserName,
          (await listAll<Group>(c, 'ListGroupsForUser', { UserName: u.UserName }, 'Groups')).length,
        );
      } catch {
        counts.set(u.UserName, undefined);
      }
    }),
  );
  return counts;
}

export function registerUserList(app: ConsoleApp): void {
  app.get('/users', async (c) => {
    const search = (c.req.query('search') ?? '').trim();
    let page: UsersPage | undefined;
    let error: unknown;
    try {
      page = search ? await searchPage(c, search) : await markerPage(c);
    } catch (err) {
      error = err;
    }
    const counts = page ? await groupCounts(c, page.users) : new Map<string, number | undefined>();
    return c.html(
      <Layout title="Users" {...await pageChrome(c, '/console/users')}>
        <FlashNotice c={c} />
        <p class="hint">
          An IAM user is an identity with long-term credentials that is used to interact with AWS in an account.
        </p>
        <div class="actions">
          <a class="button" href="/console/users/create">
            Create user
          </a>
        </div>
        <form method="get" action="/console/users" class="search" role="search">
          <div class="field">
            <label for="f-search">Search users by name</label>
            <input id="f-search" name="search" type="search" value={search} placeholder="Search" />
          </div>
          <button type="submit" class="secondary">
            Search
          </button>
        </form>
        {error ? <ErrorNotice error={error} /> : null}
        {page ? <UsersTable page={page} counts={counts} search={search} /> : null}
      </Layout>,
    );
  });
}

function UsersTable({
  page,
  counts,
  search,
}: {
  page: UsersPage;
  counts: Map<string, number | undefined>;
  search: string;
}) {
  return (
    <>
      {page.total !== undefined ? (
        <p data-testid="match-count">
          {page.total} {page.total === 1 ? 'match' : 'matches'} for “{search}”
        </p>
      ) : null}
      <div class="table-wrap">
        <table data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Path</th>
              <th scope="col">Groups</th>
              <th scope="col">Console last sign-in</th>
              <th scope="col">Creation time</th>
            </tr>
          </thead>
          <tbody>
            {page.users.length === 0 ? (
              <tr>
                <td colspan={5}>{search ? 'No users match the search.' : 'No users to display.'}</td>
              </tr>
            ) : null}
            {page.users.map((u) => (
              <tr>
                <td>
                  <a href={userPath(u.UserName)}>{u.UserName}</a>
                </td>
                <td>{u.Path}</td>
                <td>{counts.get(u.UserName)?.toString() ?? '—'}</td>
                <td>{when(u.PasswordLastUsed, 'Never')}</td>
                <td>{when(u.CreateDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages of users">
        {page.previous !== undefined ? <a href={`/console/users?${page.previous}`}>Previous</a> : null}
        {page.next !== undefined ? <a href={`/console/users?${page.next}`}>Next</a> : null}
      </nav>
    </>
  );
}
