// Ward's supported runtime. Kept free of imports so bin/ward.js can load it before anything else:
// on an older Node, dependencies fail in ways that name nothing (better-sqlite3's N-API binary
// crashes the process on Node 20), so the version is checked before they are loaded.

/** The oldest Node.js Ward runs on: commander 15 and vitest 5 declare 22.12, and so does package.json's engines. */
export const MINIMUM_NODE = { major: 22, minor: 12 } as const;

/** The one-line refusal for `version` (process.versions.node, e.g. "20.20.2"), or undefined when it is supported. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const [major = Number.NaN, minor = Number.NaN] = version.replace(/^v/, '').split('.').map(Number);
  if (major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor)) {
    return undefined;
  }
  return `ward: Node.js ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} or later is required (24 LTS recommended); this is Node.js ${version}`;
}

/** Exits with status 1 and the one-line message when the running Node.js is too old. */
export function exitOnUnsupportedNode(version: string = process.versions.node): void {
  const message = unsupportedNodeMessage(version);
  if (message !== undefined) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
