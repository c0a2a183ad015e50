import type { GenerateCredentialReportResponse, GetCredentialReportResponse } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formatDate, withFlash } from '../../ui/form-data.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { parseCsv, reportFileName } from './csv.js';

const PAGE = '/console/credential-report';
/** Codes that mean "generate one first" rather than a failure worth an error panel. */
const NO_REPORT = new Set(['ReportNotPresent', 'ReportExpired', 'ReportInProgress']);

async function currentReport(c: ConsoleContext): Promise<{ csv: string; generated: Date } | undefined> {
  try {
    const out = await c.var.call<GetCredentialReportResponse>('iam', 'GetCredentialReport');
    return {
      csv: Buffer.from(out.Content ?? new Uint8Array()).toString('utf8'),
      generated: out.GeneratedTime ?? new Date(),
    };
  } catch (err) {
    if (err instanceof AwsError && NO_REPORT.has(err.code)) return undefined;
    throw err;
  }
}

/** GenerateCredentialReport until IAM says COMPLETE (a started report finishes in moments). */
async function generate(c: ConsoleContext): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const out = await c.var.call<GenerateCredentialReportResponse>('iam', 'GenerateCredentialReport');
    if (out.State === 'COMPLETE') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function Preview({ csv }: { csv: string }) {
  const [header = [], ...rows] = parseCsv(csv);
  return (
    <div class="table-wrap">
      <table data-testid="credential-report">
        <thead>
          <tr>
            {header.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((v) => (
                <td>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function registerCredentialReport(app: ConsoleApp): void {
  app.get('/credential-report', async (c) => {
    let report: { csv: string; generated: Date } | undefined;
    let error: unknown;
    try {
      report = await currentReport(c);
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title="Credential report" {...await pageChrome(c, PAGE)}>
        <FlashNotice c={c} />
        <p>
          The credential report lists all your account's users and the status of their passwords, access keys and MFA
          devices. IAM generates a new report at most once every four hours.
        </p>
        {error ? <ErrorNotice error={error} /> : null}
        <div class="actions">
          <ActionButton
            action={`${PAGE}/generate`}
            csrf={c.var.csrf}
            label={report ? 'Generate new report' : 'Generate report'}
          />
          {report ? (
            <a class="button" href={`${PAGE}/download`} download>
              Download report
            </a>
          ) : null}
        </div>
        {report ? (
          <>
            <p data-testid="report-time">{`Report generated ${formatDate(report.generated)}`}</p>
            <h2>Preview</h2>
            <Preview csv={report.csv} />
          </>
        ) : error ? null : (
          <Notice kind="info">No report has been generated in the last four hours.</Notice>
        )}
      </Layout>,
    );
  });

  app.post('/credential-report/generate', async (c) => {
    try {
      await generate(c);
      return c.redirect(withFlash(c, PAGE, 'notice', 'The credential report is ready.'), 302);
    } catch (err) {
      return c.redirect(withFlash(c, PAGE, 'error', failureText(err)), 302);
    }
  });

  app.get('/credential-report/download', async (c) => {
    try {
      const report = await currentReport(c);
      if (!report) return c.redirect(withFlash(c, PAGE, 'error', 'Generate a report before downloading it.'), 302);
      return c.body(report.csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportFileName(report.generated)}"`,
      });
    } catch (err) {
      return c.redirect(withFlash(c, PAGE, 'error', failureText(err)), 302);
    }
  });
}
