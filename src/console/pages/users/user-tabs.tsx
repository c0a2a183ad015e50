/** The tabs of a user's detail page, as AWS's console has them; each tab is its own route. */
const TABS = [
  { path: '', label: 'Permissions' },
  { path: '/groups', label: 'Groups' },
  { path: '/security-credentials', label: 'Security credentials' },
  { path: '/access-advisor', label: 'Access Advisor' },
  { path: '/generate-policy', label: 'Generate policy' },
] as const;

export type UserTab = (typeof TABS)[number]['label'];

export function UserTabs({ userName, active }: { userName: string; active: UserTab }) {
  const base = `/console/users/${encodeURIComponent(userName)}`;
  return (
    <nav class="tabs" aria-label="User details">
      {TABS.map((t) => (
        <a href={base + t.path} aria-current={t.label === active ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}
