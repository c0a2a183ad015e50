/**
 * A CBOR map of text strings (RFC 8949 major types 5 and 3), the whole of what an RPCv2 CBOR
 * error body needs. Written here rather than pulled from a library: it is one definite-length
 * map of short strings, and decoding CBOR is not the gateway's job.
 */
export function encodeCborTextMap(entries: Readonly<Record<string, string>>): Buffer {
  const parts: Buffer[] = [];
  const keys = Object.keys(entries);
  parts.push(head(5, keys.length));
  for (const key of keys) {
    for (const text of [key, entries[key]!]) {
      const bytes = Buffer.from(text, 'utf8');
      parts.push(head(3, bytes.length), bytes);
    }
  }
  return Buffer.concat(parts);
}

function head(major: number, length: number): Buffer {
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) return Buffer.from([type | 25, length >> 8, length & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = type | 26;
  b.writeUInt32BE(length, 1);
  return b;
}
