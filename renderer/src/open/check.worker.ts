import { parseWorkbook } from '../../../shared/model/validate';
import { workbookWarnings } from '../../../shared/engine/warnings';

// Checks a workbook's text off the window's thread; only the verdict goes back (cloning a big workbook would cost
// about as much as reading it again). Typed through Worker: the renderer's lib is DOM, not WebWorker.
const scope = self as unknown as Worker;
scope.onmessage = (e: MessageEvent<string>) => {
  const r = parseWorkbook(e.data);
  // Warnings are computed here too: they need the whole workbook, which is not sent back.
  scope.postMessage({ problems: r.problems, lines: r.lines, warnings: r.workbook ? workbookWarnings(r.workbook) : [] });
};
