/**
 * The wildcard engine behind every policy glob: `*` matches any run of code units, `?` exactly one.
 *
 * Policy text is attacker-controlled (session policies, simulator input), so matching must never
 * backtrack: a regex such as `^.*a.*a.*a…b$` takes time exponential in the number of stars. A glob
 * is instead cut at its stars into pieces; the first piece is anchored at the start, the last at
 * the end, and each middle piece is taken at its leftmost occurrence after the previous one. That
 * greedy choice is safe because whatever follows a star can only gain from starting earlier, so
 * no alternative needs revisiting: the work is at most (subject length × pattern length).
 */

/** A star-free run of the pattern. `?` positions are marked in `wild` and match any code unit. */
interface Piece {
  text: string;
  wild: Uint8Array | undefined;
  /** The first literal run of a piece holding `?`, and its offset, to find candidates with indexOf. */
  anchor: string;
  anchorAt: number;
}

export interface GlobPattern {
  /** The pieces between stars; with a star, the first and last may be empty. */
  pieces: Piece[];
  starred: boolean;
  /** Sum of the pieces' lengths: no shorter subject can match. */
  minLength: number;
}

const QMARK = 63;
const STAR = 42;

function fromUnits(units: number[]): string {
  let out = '';
  // In slices: spreading a whole 128 kB policy value would overflow the argument stack.
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}

function makePiece(chars: number[], wildAt: number[]): Piece {
  const text = fromUnits(chars);
  if (wildAt.length === 0) return { text, wild: undefined, anchor: '', anchorAt: 0 };
  const wild = new Uint8Array(chars.length);
  for (const i of wildAt) wild[i] = 1;
  let start = 0;
  while (start < chars.length && wild[start]) start++;
  let end = start;
  while (end < chars.length && !wild[end]) end++;
  return { text, wild, anchor: text.slice(start, end), anchorAt: start };
}

/**
 * Compiles a glob whose literal characters may be sentinels: `decode` maps one code unit to the
 * code unit it stands for (a literal `*`, `?` or `$` written as `${*}` and the like).
 */
export function compileGlobPattern(pattern: string, decode: (unit: number) => number): GlobPattern {
  const pieces: Piece[] = [];
  let chars: number[] = [];
  let wildAt: number[] = [];
  let starred = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR) {
      starred = true;
      // `**` is `*`: an empty middle piece would only cost a search.
      if (chars.length > 0 || pieces.length === 0) pieces.push(makePiece(chars, wildAt));
      chars = [];
      wildAt = [];
    } else {
      if (c === QMARK) wildAt.push(chars.length);
      chars.push(c === QMARK ? QMARK : decode(c));
    }
  }
  pieces.push(makePiece(chars, wildAt));
  return { pieces, starred, minLength: pieces.reduce((n, p) => n + p.text.length, 0) };
}

/** Whether `piece` matches `s` at `at` (the caller has checked that it fits). */
function pieceAt(piece: Piece, s: string, at: number): boolean {
  const { text, wild } = piece;
  // Compared from the end, as hasPrefix does: ARN pieces share long heads.
  if (wild === undefined) {
    for (let i = text.length - 1; i >= 0; i--) if (s.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
    return true;
  }
  for (let i = text.length - 1; i >= 0; i--) {
    if (wild[i] !== 1 && s.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** The leftmost position >= from where `piece` matches and ends by `limit`, or -1. */
function findPiece(piece: Piece, s: string, from: number, limit: number): number {
  const len = piece.text.length;
  if (piece.wild === undefined) {
    const at = s.indexOf(piece.text, from);
    return at >= 0 && at + len <= limit ? at : -1;
  }
  if (piece.anchor === '') return from + len <= limit ? from : -1;
  let p = from;
  while (p + len <= limit) {
    const hit = s.indexOf(piece.anchor, p + piece.anchorAt);
    if (hit < 0) return -1;
    p = hit - piece.anchorAt;
    if (p + len > limit) return -1;
    if (pieceAt(piece, s, p)) return p;
    p++;
  }
  return -1;
}

/** Whether the whole of `s[start, end)` matches the pattern. */
export function matchGlobPattern(g: GlobPattern, s: string, start: number, end: number): boolean {
  const { pieces } = g;
  const head = pieces[0]!;
  if (!g.starred) return end - start === head.text.length && pieceAt(head, s, start);
  if (end - start < g.minLength) return false;
  const tail = pieces[pieces.length - 1]!;
  const limit = end - tail.text.length;
  if (!pieceAt(head, s, start) || !pieceAt(tail, s, limit)) return false;
  let pos = start + head.text.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const at = findPiece(piece, s, pos, limit);
    if (at < 0) return false;
    pos = at + piece.text.length;
  }
  return true;
}
