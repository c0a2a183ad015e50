import type { Child } from 'hono/jsx';
import type { User } from '../../../wire/generated/iam.js';
import type { ConsoleContext } from '../../env.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { type UserTab, UserTabs } from './user-tabs.js';

/**
 * A tab of a user's detail page: GetUser, the tabs, then the tab's own content. A user that
 * cannot be read (NoSuchEntity, AccessDenied) gets the error in place of the tabs.
 */
export async function userPage(c: ConsoleContext, tab: UserTab, content: (user: User) => Promise<Child> | Child) {
  const name = c.req.param('name') ?? '';
  let user: User | undefined;
  let error: unknown;
  try {
    user = (await c.var.call<{ User: User }>('iam', 'GetUser', { UserName: name })).User;
  } catch (err) {
    error = err;
  }
  return c.html(
    <Layout title={name} {...await pageChrome(c, '/console/users')}>
      <p class="crumbs">
        <a href="/console/users">Users</a> › {name}
      </p>
      <FlashNotice c={c} />
      {user ? (
        <>
          <UserTabs userName={name} active={tab} />
          {await content(user)}
        </>
      ) : (
        <ErrorNotice error={error} />
      )}
    </Layout>,
    user ? 200 : 404,
  );
}
