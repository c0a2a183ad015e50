import type { IncomingHttpHeaders } from 'node:http';

/** How much of an error answer is looked at: AWS's error bodies are well under it. */
const SNIFF_BYTES = 8 * 1024;

/**
 * Reads the error code and message from the first bytes of a backend's error answer as it
 * streams past (REST-JSON's `x-amzn-ErrorType`, XML `<Code>`, JSON `__type`), for the record.
 */
export class ErrorCodeSniffer {
  #seen: Buffer[] = [];
  #size = 0;
  readonly #header: string | undefined;

  constructor(headers: IncomingHttpHeaders) {
    const h = headers['x-amzn-errortype'];
    this.#header = (Array.isArray(h) ? h[0] : h)?.split(':', 1)[0];
  }

  feed(chunk: Buffer): void {
    if (this.#size >= SNIFF_BYTES) return;
    this.#seen.push(chunk.subarray(0, SNIFF_BYTES - this.#size));
    this.#size += Math.min(chunk.length, SNIFF_BYTES - this.#size);
  }

  get code(): string | undefined {
    if (this.#header) return this.#header;
    const text = this.#text();
    const code = /<Code>([^<]{1,128})<\/Code>/.exec(text)?.[1] ?? /"__type"\s*:\s*"([^"]{1,256})"/.exec(text)?.[1];
    // JSON codes may be namespaced (com.amazonaws.dynamodb.v20120810#ResourceNotFoundException).
    return code?.slice(code.lastIndexOf('#') + 1);
  }

  get message(): string | undefined {
    const text = this.#text();
    return (
      /<Message>([^<]{0,1024})<\/Message>/.exec(text)?.[1] ??
      /"[Mm]essage"\s*:\s*"((?:[^"\\]|\\.){0,1024})"/.exec(text)?.[1]
    );
  }

  #text(): string {
    return Buffer.concat(this.#seen).toString('utf8');
  }
}
