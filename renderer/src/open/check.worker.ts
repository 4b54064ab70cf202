import { parseWorkbook } from '../../../shared/model/validate';

// Checks a workbook's text off the window's thread; only the verdict goes back (cloning a big workbook would cost
// about as much as reading it again). Typed through Worker: the renderer's lib is DOM, not WebWorker.
const scope = self as unknown as Worker;
scope.onmessage = (e: MessageEvent<string>) => {
  const r = parseWorkbook(e.data);
  scope.postMessage({ problems: r.problems, lines: r.lines });
};
