import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Done, Outcome } from '../../shared/edit';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';

// What the command tests share: the bundled example, and the checks every command must pass.

/** A fresh copy of the bundled example workbook. */
export const example = (): Workbook => parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

export function ok(o: Outcome): Done {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o;
}

/** The inverse gives back exactly the workbook the command started from; its inverse redoes it; the result validates. */
export function roundTrips(before: Workbook, o: Outcome): Done {
  const d = ok(o);
  const back = ok(d.inverse.apply(d.workbook));
  expect(back.workbook).toEqual(before);
  expect(ok(back.inverse.apply(back.workbook)).workbook).toEqual(d.workbook);
  expect(validateWorkbook(d.workbook)).toEqual([]);
  return d;
}

/** The command was refused at `path`; its message. */
export function refusedAt(o: Outcome, path: string): string {
  expect(o.ok).toBe(false);
  const p = (o as { problems: { path: string; message: string }[] }).problems.find((x) => x.path === path);
  expect(p, JSON.stringify(o)).toBeDefined();
  return p!.message;
}
