import type { ConsoleApp } from '../../env.js';
import type { Event, LookupEventsResponse } from '../../../wire/generated/cloudtrail.js';
import { Field, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { date } from '../organizations/org-shared.js';
import { ATTRIBUTES, type EventFilter, filterOf, pretty, queryOf, requestOf, resourceNames } from './lookup.js';

const HOME = '/console/events';

/** CloudTrail's Event history over Ward's audit trail: LookupEvents as the signed-in principal. */
export function registerEvents(app: ConsoleApp): void {
  app.get('/events', async (c) => {
    const filter = filterOf(c.req.url);
    const request = requestOf(filter);
    let page: LookupEventsResponse | undefined;
    let error: unknown;
    if (!('problem' in request)) {
      try {
        page = await c.var.call<LookupEventsResponse>('cloudtrail', 'LookupEvents', request);
      } catch (err) {
        error = err;
      }
    }
    return c.html(
      <Layout title="Event history" {...await pageChrome(c, HOME)}>
        <FilterForm filter={filter} />
        {'problem' in request ? <Notice kind="error">{request.problem}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        {page ? <EventTable events={page.Events ?? []} /> : null}
        <nav class="pager" aria-label="Pages">
          {filter.token ? <a href={`${HOME}?${queryOf(filter)}`}>First page</a> : null}{' '}
          {page?.NextToken ? (
            <a href={`${HOME}?${queryOf(filter, page.NextToken)}`} rel="next">
              Next page
            </a>
          ) : null}
        </nav>
      </Layout>,
    );
  });

  app.get('/events/:id', async (c) => {
    let event: Event | undefined;
    let error: unknown;
    try {
      const out = await c.var.call<LookupEventsResponse>('cloudtrail', 'LookupEvents', {
        LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: c.req.param('id') }],
        MaxResults: 1,
      });
      event = out.Events?.[0];
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title={event?.EventName ?? 'Event'} {...await pageChrome(c, HOME)}>
        {error ? <ErrorNotice error={error} /> : null}
        {!error && !event ? <Notice kind="error">No event with this ID was found in the last 90 days.</Notice> : null}
        {event ? (
          <>
            <dl class="summary card">
              <dt>Event time</dt>
              <dd>{date(event.EventTime)}</dd>
              <dt>User name</dt>
              <dd>{event.Username ?? '—'}</dd>
              <dt>Event source</dt>
              <dd>{event.EventSource}</dd>
              <dt>AWS access key</dt>
              <dd class="mono">{event.AccessKeyId ?? '—'}</dd>
              <dt>Read-only</dt>
              <dd>{event.ReadOnly}</dd>
              <dt>Event ID</dt>
              <dd class="mono">{event.EventId}</dd>
            </dl>
            <h2>Event record</h2>
            <pre class="mono json" data-testid="event-record" tabindex={0}>
              {pretty(event.CloudTrailEvent)}
            </pre>
          </>
        ) : null}
        <p>
          <a href={HOME}>Back to event history</a>
        </p>
      </Layout>,
    );
  });
}

function FilterForm({ filter }: { filter: EventFilter }) {
  return (
    <form method="get" action={HOME} class="card filters" role="search">
      <Select label="Lookup attribute" name="attribute" options={ATTRIBUTES} value={filter.attribute} />
      <Field label="Attribute value" name="value" value={filter.value} hint="Leave empty to list every event." />
      <Field label="Start time (UTC)" name="start" type="datetime-local" value={filter.start} />
      <Field label="End time (UTC)" name="end" type="datetime-local" value={filter.end} />
      <button type="submit">Search</button>
    </form>
  );
}

function EventTable({ events }: { events: Event[] }) {
  if (events.length === 0) return <Notice kind="info">No events match.</Notice>;
  return (
    <div class="table-wrap">
      <table data-testid="events">
        <thead>
          <tr>
            <th scope="col">Event name</th>
            <th scope="col">Event time</th>
            <th scope="col">User name</th>
            <th scope="col">Event source</th>
            <th scope="col">Resource name</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>
                <a href={`${HOME}/${encodeURIComponent(e.EventId!)}`}>{e.EventName}</a>
              </td>
              <td>{date(e.EventTime)}</td>
              <td>{e.Username ?? '—'}</td>
              <td>{e.EventSource}</td>
              <td>{resourceNames(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
