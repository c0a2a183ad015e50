import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { Layout } from '../../ui/layout.js';
import { FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { UserTabs } from '../users/user-tabs.js';
import { AccessKeysSection } from './access-keys.js';
import { MfaSection } from './mfa-section.js';
import { ConsoleAccessSection, PasswordSection } from './password.js';
import { RootAccountSections } from './root-account.js';
import { targetOf } from './target.js';
import { UploadedSection, uploadedKinds } from './uploaded.js';

/** One page for both audiences: one's own credentials, and (as a user-detail tab) another user's. */
async function credentialsPage(c: ConsoleContext) {
  const target = targetOf(c);
  const other = target.userName;
  const own = other === undefined;
  return c.html(
    <Layout title={other ?? 'My security credentials'} {...await pageChrome(c, target.nav)}>
      {other === undefined ? null : <UserTabs userName={other} active="Security credentials" />}
      <FlashNotice c={c} />
      {target.root ? <RootAccountSections c={c} /> : null}
      {own ? <PasswordSection c={c} target={target} /> : <ConsoleAccessSection c={c} target={target} />}
      <MfaSection c={c} target={target} />
      <AccessKeysSection c={c} target={target} />
      {uploadedKinds(target).map((kind) => (
        <UploadedSection c={c} target={target} kind={kind} />
      ))}
    </Layout>,
  );
}

export function registerCredentialsPages(app: ConsoleApp): void {
  app.get('/security-credentials', credentialsPage);
  app.get('/users/:name/security-credentials', credentialsPage);
}
