/**
 * Test support only: the hash constructor @smithy/signature-v4 takes (its `sha256` option), on
 * node:crypto, so the SDK's own signer can be the oracle for Ward's verifier.
 */
import { type Hash, type Hmac, createHash, createHmac } from 'node:crypto';

type Data = string | ArrayBuffer | ArrayBufferView;

const toBuffer = (d: Data): Buffer =>
  typeof d === 'string'
    ? Buffer.from(d)
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

export class NodeSha256 {
  readonly #h: Hash | Hmac;
  constructor(secret?: Data) {
    this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(d: Data): void {
    this.#h.update(toBuffer(d));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
  reset(): void {}
}
