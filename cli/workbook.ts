// A workbook read for a command: checked, its first problem with its line, its warnings on stderr (issue 13: only the
// commands that read a workbook load the model's validation).
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { workbookWarnings } from '../shared/engine/warnings';
import { say } from '../shared/i18n/intl';
import type { Lang } from '../shared/i18n/languages';
import type { Problem, Workbook } from '../shared/model/types';
import { parseWorkbook, pathSegments } from '../shared/model/validate';
import { readText } from './files';
import { C, InputError, words, type Io } from './io';

/**
 * Loads a workbook or throws an InputError naming the file and the line of the first problem. Its warnings (which
 * never stop a command) go to stderr as `FILE:LINE: warning: …` when `io` is given.
 */
export function loadWorkbook(file: string, io?: Io, lang: Lang = 'en'): Workbook {
  const text = readText(file, io);
  const res = parseWorkbook(text);
  if (!res.workbook) {
    const first = res.problems[0];
    const more = res.problems.length - 1;
    const problem = first.msg ?? C('text', { text: first.message });
    throw new InputError(
      file,
      res.lines[0] ?? 1,
      more > 0 ? C('workbook.firstOfMany', { more, n: String(more) }, { problem }) : problem,
    );
  }
  if (io) for (const line of warningLines(file, text, workbookWarnings(res.workbook), lang)) io.err(line);
  return res.workbook;
}

/** Warnings as `FILE:LINE: warning: message [path]` lines; the text is parsed for line numbers once, only if any. */
export function warningLines(file: string, text: string, warnings: readonly Problem[], lang: Lang = 'en'): string[] {
  if (warnings.length === 0) return [];
  const tree = parseTree(text);
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  // 1 + the line breaks before the offset (binary search: a large file may carry many warnings).
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return warnings.map((w) => {
    const node = tree && w.path ? findNodeAtLocation(tree, pathSegments(w.path)) : undefined;
    const line = node ? lineAt(node.offset) : 1;
    const said = words(w, lang);
    const warning =
      lang === 'en' ? `warning: ${said}` : say(C('warning', undefined, { text: C('text', { text: said }) }), lang);
    return `${file}:${line}: ${warning}${w.path ? ` [${w.path}]` : ''}\n`;
  });
}
