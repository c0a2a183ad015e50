import { describe, expect, it } from 'vitest';
import { LinkedText } from './linked-text.js';

// eslint-disable-next-line @typescript-eslint/no-base-to-string -- synchronous components render to a string, never a promise
const render = (text: string) => String(<div>{LinkedText({ text, origin: 'http://127.0.0.1:4599' })}</div>);

describe('LinkedText', () => {
  it("links URLs on the console's origin, leaving trailing punctuation outside", () => {
    expect(render('Open http://127.0.0.1:4599/console/reset-password?token=a-b_c. Thanks')).toBe(
      '<div>Open <a href="http://127.0.0.1:4599/console/reset-password?token=a-b_c">http://127.0.0.1:4599/console/reset-password?token=a-b_c</a>. Thanks</div>',
    );
  });

  it('leaves other origins and schemes as text, and escapes markup', () => {
    const html = render('<script>x</script> https://evil.example/console javascript:alert(1) http://127.0.0.1:4600/x');
    expect(html).not.toContain('<a ');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('https://evil.example/console');
  });
});
