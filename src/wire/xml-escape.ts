/**
 * Text escaping for the XML we emit. User-controlled strings (tag values, policy documents, descriptions)
 * are echoed back, so whatever they contain must come out as well-formed XML 1.0 that reads back
 * as the same text wherever XML 1.0 can represent it.
 */

// Everything that needs work: markup characters, CR/LF (parsers normalise raw CR and CRLF, and
// attribute-value normalisation would turn LF into a space), C0 controls XML 1.0 forbids,
// U+FFFE/U+FFFF, and any surrogate (lone ones are illegal; pairs are checked in the slow path).
const NEEDS_WORK = /[&<>"'\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const SLOW_PATH =
  /[&<>"'\r\n]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
  '\n': '&#xA;',
};

/**
 * Escapes text for element content or attribute values. Characters XML 1.0 cannot carry at all
 * (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates) are dropped: there is no escape for them.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(SLOW_PATH, (ch) => ENTITIES[ch] ?? '');
}
