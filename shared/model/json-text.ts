import { createScanner, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

// Line numbers and nesting of workbook text, in one pass each and without recursion (issue 15 items 2 and 3):
// a problem's line used to be found by scanning from the start for each problem (16,000 problems: 49 s), and
// input nested thousands deep overflowed the stack in jsonc-parser's parseTree and in JSON.stringify.

/**
 * Deepest nesting of lists and objects read. The format nests about six levels (root, budgets, budget, years, year);
 * deeper input is not a workbook, and refusing it keeps every recursive step later (parseTree, JSON.stringify on
 * save, structuredClone over IPC) far from the stack's limit.
 */
export const MAX_NESTING = 100;

// jsonc-parser's SyntaxKind is a const enum, which isolatedModules cannot read: its values, as documented there.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Offset → 1-based line, from one index of line starts (binary search per lookup). */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** End of the string opening at `i` (the offset of its closing quote), or text.length when it is not closed. */
function stringEnd(text: string, i: number): number {
  for (let q = text.indexOf('"', i + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    let bs = 0;
    while (text.charCodeAt(q - 1 - bs) === 92) bs++;
    if (bs % 2 === 0) return q;
  }
  return text.length;
}

/**
 * Offset of the first `[` or `{` nested deeper than `max` in text that JSON.parse accepted (strict JSON: strings
 * are the only place a bracket is not a bracket); -1 when there is none. One pass, no recursion.
 */
export function tooDeepAt(text: string, max = MAX_NESTING): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string, read here rather than by stringEnd: a workbook's strings are short, and 3 million calls of
      // indexOf cost more than reading their characters (issue 13). A backslash escapes the next character.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) i++;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * The first syntax error of text that JSON.parse refused (or that tooDeepAt found too deep), found with jsonc-parser as before, but only ever on a
 * prefix nested at most `max` deep: parseTree recurses once per level. Its scanner (iterative, same tokens as the
 * parser: comments, unterminated strings) finds where the nesting first goes too deep; a closer counts only when it
 * matches the innermost open one, so error recovery that skips a closer cannot nest deeper than counted.
 */
export function firstSyntaxError(text: string, max = MAX_NESTING): { offset: number; message: string; tooDeep?: true } {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  let cut = -1;
  for (let t: number = scanner.scan(); t !== EOF; t = scanner.scan()) {
    if (t === OPEN_BRACE || t === OPEN_BRACKET) {
      if (open.length >= max) {
        cut = scanner.getTokenOffset();
        break;
      }
      open.push(t);
    } else if (t === CLOSE_BRACE || t === CLOSE_BRACKET) {
      const top = open[open.length - 1];
      if ((t === CLOSE_BRACE && top === OPEN_BRACE) || (t === CLOSE_BRACKET && top === OPEN_BRACKET)) open.pop();
    }
  }
  const tooDeep = { offset: cut, message: `nested more than ${max} levels deep`, tooDeep: true as const };
  const errors: ParseError[] = [];
  try {
    parseTree(cut < 0 ? text : text.slice(0, cut), errors, { allowTrailingComma: false, disallowComments: true });
  } catch (e) {
    // Belt and braces: should the count above ever miss a way to nest, refuse rather than crash.
    if (e instanceof RangeError) return { ...tooDeep, offset: Math.max(cut, 0) };
    throw e;
  }
  // Errors at the cut come from cutting there (end of file expected…): the nesting is the first real problem.
  const e = errors.find((x) => cut < 0 || x.offset < cut);
  if (e)
    return {
      offset: e.offset,
      message: printParseErrorCode(e.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase(),
    };
  if (cut >= 0) return tooDeep;
  return { offset: 0, message: text.trim() === '' ? 'empty file' : 'unreadable' };
}

interface Wanted {
  /** Offset where this path's value starts; UNSEEN until then, GONE once its container closed without it. */
  at: number;
  kids?: Map<string | number, Wanted>;
}
const UNSEEN = -1;
const GONE = -2;

/**
 * Offsets of the values at `paths` (segments as from pathSegments) in JSON text, all in one pass: what
 * findNodeAtLocation did per path on a syntax tree, without building the tree or recursing. Where a path is
 * not in the text (a missing key), its nearest enclosing value's offset, so the message points at the object.
 * Subtrees no path leads into are skipped by counting brackets, and the pass stops once every path is settled.
 * Text that is not JSON gives some offset, never an error or a hang: every step moves forward.
 */
export function offsetsOfPaths(text: string, paths: readonly (readonly (string | number)[])[]): number[] {
  const root: Wanted = { at: UNSEEN };
  let remaining = 1;
  for (const segs of paths) {
    let w = root;
    for (const s of segs) {
      w.kids ??= new Map();
      let k = w.kids.get(s);
      if (!k) {
        w.kids.set(s, (k = { at: UNSEEN }));
        remaining++;
      }
      w = k;
    }
  }
  /** The value of `w` has been read: paths below it that were not met are not in the text. */
  const settle = (w: Wanted) => {
    const todo = [w];
    for (let x = todo.pop(); x; x = todo.pop()) {
      if (!x.kids) continue;
      for (const k of x.kids.values()) {
        if (k.at !== UNSEEN) continue;
        k.at = GONE;
        remaining--;
        todo.push(k);
      }
    }
  };

  interface Frame {
    want: Wanted;
    kids: Map<string | number, Wanted>;
    array: boolean;
    index: number;
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  let next: Wanted | undefined = root; // the path of the value about to start, if anyone asked for it
  const n = text.length;
  let i = 0;
  while (i < n && remaining > 0) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 58 /* : */) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 44 /* , */) {
      if (top?.array) next = top.kids.get(++top.index);
      else if (top) top.expectKey = true;
      i++;
      continue;
    }
    if (c === 93 || c === 125) {
      const done = stack.pop();
      if (done) settle(done.want);
      next = undefined;
      i++;
      continue;
    }
    if (top && !top.array && top.expectKey) {
      // A key: the path of the value after it.
      const end = stringEnd(text, i);
      let key = text.slice(i + 1, end);
      if (key.includes('\\')) {
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          // not JSON: the raw text will do
        }
      }
      next = top.kids.get(key);
      top.expectKey = false;
      i = end + 1;
      continue;
    }
    // A value starts here.
    const want = next;
    next = undefined;
    if (want) {
      if (want.at === UNSEEN) remaining--;
      if (want.at !== GONE) want.at = i;
    }
    if ((c === 91 || c === 123) && want?.kids) {
      const array = c === 91;
      stack.push({ want, kids: want.kids, array, index: 0, expectKey: !array });
      if (array) next = want.kids.get(0);
      i++;
      continue;
    }
    if (want) settle(want);
    if (c === 91 || c === 123) i = skipValue(text, i);
    else if (c === 34) i = stringEnd(text, i) + 1;
    else {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
    }
  }

  return paths.map((segs) => {
    let w: Wanted | undefined = root;
    let at = Math.max(root.at, 0);
    for (const s of segs) {
      w = w?.kids?.get(s);
      if (!w || w.at < 0) break;
      at = w.at;
    }
    return at;
  });
}

/** Past the end of the list or object opening at `i`: brackets counted, strings skipped, no recursion. */
function skipValue(text: string, i: number): number {
  let depth = 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      if (--depth === 0) return i + 1;
    }
  }
  return n;
}
