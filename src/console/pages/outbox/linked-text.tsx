const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

/**
 * A message's text with its links to this console made clickable. Everything is rendered as
 * text (JSX escapes it); only http(s) URLs on the console's own origin become anchors, so a
 * message cannot send the reader elsewhere.
 */
export function LinkedText({ text, origin }: { text: string; origin: string }) {
  const parts: Array<string | { href: string }> = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const href = m[0].replace(/[.,;:!?)]+$/, '');
    parts.push(text.slice(last, m.index), { href });
    last = m.index + href.length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((p) =>
        typeof p === 'string' ? p : sameOrigin(p.href, origin) ? <a href={p.href}>{p.href}</a> : p.href,
      )}
    </>
  );
}

function sameOrigin(href: string, origin: string): boolean {
  try {
    return new URL(href).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
