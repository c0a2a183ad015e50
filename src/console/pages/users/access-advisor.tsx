import type { GetServiceLastAccessedDetailsResponse, ServiceLastAccessed } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ErrorNotice } from '../../ui/notices.js';
import { when } from './common.js';
import { userPage } from './user-page.js';

/** IAM reports last access as a job: generate it, then read every page of the report. */
async function lastAccessed(c: ConsoleContext, arn: string): Promise<ServiceLastAccessed[]> {
  const { JobId } = await c.var.call<{ JobId: string }>('iam', 'GenerateServiceLastAccessedDetails', { Arn: arn });
  const services: ServiceLastAccessed[] = [];
  let marker: string | undefined;
  do {
    const page = await c.var.call<GetServiceLastAccessedDetailsResponse>('iam', 'GetServiceLastAccessedDetails', {
      JobId,
      ...(marker ? { Marker: marker } : {}),
    });
    if (page.JobStatus === 'FAILED') throw new Error(page.Error?.Message ?? 'The access report failed.');
    services.push(...page.ServicesLastAccessed);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return services;
}

/** The Access Advisor tab: the services the user's policies allow, and when the user last used each. */
export function registerUserAccessAdvisor(app: ConsoleApp): void {
  app.get('/users/:name/access-advisor', (c) =>
    userPage(c, 'Access Advisor', async (user) => {
      let services: ServiceLastAccessed[] = [];
      let error: unknown;
      try {
        services = await lastAccessed(c, user.Arn);
      } catch (err) {
        error = err;
      }
      services.sort(
        (a, b) =>
          (b.LastAuthenticated?.getTime() ?? 0) - (a.LastAuthenticated?.getTime() ?? 0) ||
          a.ServiceName.localeCompare(b.ServiceName),
      );
      return (
        <>
          <h2>Allowed services ({services.length})</h2>
          <p class="hint">
            Service last accessed information shows the services this user's policies allow, and when the user last
            called each. Use it to remove permissions that are not used.
          </p>
          {error ? <ErrorNotice error={error} /> : null}
          <div class="table-wrap">
            <table data-testid="access-advisor">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Last accessed</th>
                  <th scope="col">Region</th>
                </tr>
              </thead>
              <tbody>
                {services.length === 0 && !error ? (
                  <tr>
                    <td colspan={3}>No services are allowed by this user's policies.</td>
                  </tr>
                ) : null}
                {services.map((s) => (
                  <tr>
                    <td>{s.ServiceName}</td>
                    <td>{s.LastAuthenticated ? when(s.LastAuthenticated) : 'Not accessed in the tracking period'}</td>
                    <td>{s.LastAuthenticatedRegion ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    }),
  );
}
