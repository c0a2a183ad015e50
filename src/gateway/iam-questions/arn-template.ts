/**
 * The Service Authorization Reference's ARN templates (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`):
 * filled from bound variables, and read back (which template an ARN fits, with which values).
 */

export interface ArnTemplate {
  /** The SAR's text. */
  text: string;
  /** Variable names in order of appearance. */
  variables: string[];
  /** Matches an ARN of this type; groups in `variables` order. */
  pattern: RegExp;
}

const VARIABLE = /\$\{([A-Za-z0-9_]+)\}/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileArnTemplate(text: string): ArnTemplate {
  const variables: string[] = [];
  let source = '^';
  let last = 0;
  const matches = [...text.matchAll(VARIABLE)];
  matches.forEach((m, i) => {
    source += escape(text.slice(last, m.index));
    variables.push(m[1]!);
    // A resource path's last part (object keys, parameter names) may hold any character;
    // segments before it stop at the ARN's separators.
    const isLast = i === matches.length - 1 && m.index + m[0].length === text.length;
    source += isLast ? '(.+)' : m[1] === 'Region' || m[1] === 'Account' ? '([^:]*)' : '([^:]+?)';
    last = m.index + m[0].length;
  });
  source += escape(text.slice(last)) + '$';
  return { text, variables, pattern: new RegExp(source, 's') };
}

/** The template with every variable bound, or undefined when one is not. */
export function fillArnTemplate(
  t: ArnTemplate,
  values: Readonly<Record<string, string | undefined>>,
): string | undefined {
  let missing = false;
  const out = t.text.replace(VARIABLE, (_m, name: string) => {
    const v = values[name];
    if (v === undefined || v === '') missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

/** The variables an ARN gives for this template, or undefined when it does not fit. */
export function readArn(t: ArnTemplate, arn: string): Record<string, string> | undefined {
  const m = t.pattern.exec(arn);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  t.variables.forEach((v, i) => (out[v] = m[i + 1]!));
  return out;
}
