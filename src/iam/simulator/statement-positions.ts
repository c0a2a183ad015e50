/** A position in a policy document as the simulator reports it: 1-based line and column. */
export interface TextPosition {
  Line: number;
  Column: number;
}

/**
 * The start and end of each statement in a policy document's text, in Statement order — the
 * simulator's MatchedStatements carry StartPosition/EndPosition so a console can highlight the
 * statement. A single Statement object (not an array) is statement 0. Returns [] if the text is
 * not a JSON object (stored documents were validated, so that does not happen in practice).
 */
export function statementPositions(text: string): Array<{ start: TextPosition; end: TextPosition }> {
  const scanner = new Scanner(text);
  try {
    scanner.skipWs();
    if (scanner.peek() !== '{') return [];
    scanner.next();
    for (;;) {
      scanner.skipWs();
      if (scanner.peek() === '}') return [];
      const key = scanner.readString();
      scanner.skipWs();
      scanner.expect(':');
      scanner.skipWs();
      if (key === 'Statement') {
        if (scanner.peek() === '[') {
          scanner.next();
          const out: Array<{ start: TextPosition; end: TextPosition }> = [];
          for (;;) {
            scanner.skipWs();
            if (scanner.peek() === ']') return out;
            const start = scanner.position();
            scanner.skipValue();
            out.push({ start, end: scanner.lastPosition() });
            scanner.skipWs();
            if (scanner.peek() === ',') scanner.next();
          }
        }
        const start = scanner.position();
        scanner.skipValue();
        return [{ start, end: scanner.lastPosition() }];
      }
      scanner.skipValue();
      scanner.skipWs();
      if (scanner.peek() === ',') scanner.next();
    }
  } catch {
    return [];
  }
}

class Scanner {
  #i = 0;
  #line = 1;
  #col = 1;

  constructor(private readonly text: string) {}

  peek(): string {
    if (this.#i >= this.text.length) throw new Error('end of text');
    return this.text[this.#i]!;
  }

  next(): string {
    const c = this.peek();
    this.#i++;
    if (c === '\n') {
      this.#line++;
      this.#col = 1;
    } else {
      this.#col++;
    }
    return c;
  }

  position(): TextPosition {
    return { Line: this.#line, Column: this.#col };
  }

  /** The position of the character just consumed: a statement's end is its closing brace. */
  lastPosition(): TextPosition {
    return { Line: this.#line, Column: this.#col - 1 };
  }

  expect(c: string): void {
    if (this.next() !== c) throw new Error(`expected ${c}`);
  }

  skipWs(): void {
    while (this.#i < this.text.length && /\s/.test(this.text[this.#i]!)) this.next();
  }

  readString(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      const c = this.next();
      if (c === '"') return out;
      out += c === '\\' ? this.next() : c;
    }
  }

  skipValue(): void {
    const c = this.peek();
    if (c === '"') {
      this.readString();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.next();
      for (;;) {
        this.skipWs();
        if (this.peek() === close) {
          this.next();
          return;
        }
        if (c === '{') {
          this.readString();
          this.skipWs();
          this.expect(':');
          this.skipWs();
        }
        this.skipValue();
        this.skipWs();
        if (this.peek() === ',') this.next();
      }
    }
    while (this.#i < this.text.length && !/[\s,}\]]/.test(this.text[this.#i]!)) this.next();
  }
}
