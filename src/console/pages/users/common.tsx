import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleContext } from '../../env.js';
import { withFlash } from '../../ui/form-data.js';
import { ErrorNotice, Notice } from '../../ui/notices.js';

/** Rows per page in the users and groups tables, as AWS's console defaults to. */
export const PAGE_SIZE = 20;

/** The form fields of a POST: single values as strings, repeated fields (checkbox lists) as arrays. */
export async function formOf(c: ConsoleContext): Promise<{ one(name: string): string; all(name: string): string[] }> {
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): string[] => {
    const v = body[name];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === 'string');
  };
  return { one: (name) => (values(name)[0] ?? '').trim(), all: (name) => values(name).filter((v) => v !== '') };
}

/** POST → redirect back with a flash message (`?notice=` or `?error=`). */
export function back(c: ConsoleContext, path: string, message: { notice: string } | { error: string }) {
  return c.redirect(
    'notice' in message ? withFlash(c, path, 'notice', message.notice) : withFlash(c, path, 'error', message.error),
    302,
  );
}

/** The flash text for a failed call: AWS's message, or a generic one for anything that is not an AwsError. */
export function failure(err: unknown): string {
  if (err instanceof AwsError) return err.code === 'AccessDenied' ? `Access denied: ${err.message}` : err.message;
  return 'The request could not be completed.';
}

export function isCode(err: unknown, code: string): boolean {
  return err instanceof AwsError && err.code === code;
}

/** Timestamps as AWS's console shows them in tables (UTC, to the minute). */
export function when(date: Date | undefined, none = '—'): string {
  if (!date) return none;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function userPath(name: string): string {
  return `/console/users/${encodeURIComponent(name)}`;
}

export function groupPath(name: string): string {
  return `/console/groups/${encodeURIComponent(name)}`;
}

/**
 * Every item of a Marker/IsTruncated list operation. The console uses it for pickers and for
 * filtered views; fine for accounts of thousands of entities, which is what Ward serves.
 */
export async function listAll<T>(c: ConsoleContext, operation: string, input: object, key: string): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await c.var.call<Record<string, unknown> & { IsTruncated?: boolean; Marker?: string }>(
      'iam',
      operation,
      { ...input, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) },
    );
    items.push(...((page[key] as T[] | undefined) ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return items;
}

/** One step of a multi-call console action (create a user with access, delete a user with its attachments). */
export interface Step {
  label: string;
  run: () => Promise<unknown>;
}

export interface StepOutcome {
  done: string[];
  failed?: { label: string; error: unknown };
}

/** Runs steps in order and stops at the first failure, so the page can say exactly what was and was not done. */
export async function runSteps(steps: Step[]): Promise<StepOutcome> {
  const done: string[] = [];
  for (const step of steps) {
    try {
      await step.run();
      done.push(step.label);
    } catch (error) {
      return { done, failed: { label: step.label, error } };
    }
  }
  return { done };
}

/** What a partly completed sequence did, and the error that stopped it. */
export function StepReport({ outcome, title }: { outcome: StepOutcome; title: string }) {
  return (
    <>
      <Notice kind="warning" title={title}>
        {outcome.done.length > 0 ? (
          <>
            <p>These steps completed:</p>
            <ul data-testid="steps-done">
              {outcome.done.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>No changes were made.</p>
        )}
        {outcome.failed ? <p data-testid="step-failed">This step failed: {outcome.failed.label}</p> : null}
      </Notice>
      {outcome.failed ? <ErrorNotice error={outcome.failed.error} /> : null}
    </>
  );
}
