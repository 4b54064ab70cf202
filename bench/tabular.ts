// bench/tabular: R25 reading a 200,000-member file, before and after the one tabular reader.
// Run: npm run bench -- tabular   (or npx tsx bench/tabular.ts)
//
// Before: the text decoded leniently, then csv-parse's *browser* build (its Buffer polyfill) with the old options,
// as shared/model/members-csv read every file until R25. After: readMembersFile (bytes → R25 decoding → record scan
// with line numbers → csv-parse's Node build via "#csv-parse" → checks, decimal commas), and the same reader on a
// Windows-1252 file. Wall and CPU time are medians; the CPU figure is the process's user + system time.
import { parse as browserParse } from 'csv-parse/browser/esm/sync';
import { parse as nodeParse } from 'csv-parse/sync';
import { readMembersFile } from '../shared/model/members-csv';
import { median, ms, table } from './harness';

const N = 200_000;
const CLASSES = ['I', 'II', 'III', 'IV', 'IVbis', 'V', 'VI', 'VIbis', 'VII', 'VIII', 'IX', 'S', 'Sbis', 'Ster'];

/** A French Excel's export: semicolons, quoted names holding commas and semicolons, decimal-comma weights. */
function file(n: number, accent: string): string {
  const lines = ['code;name;weight'];
  // Every tenth weight has three decimals ("12,345": two readings alone; the column's other cells decide).
  const weight = (i: number) =>
    `${(i % 997) + 1},${i % 10 === 0 ? String(i % 1000).padStart(3, '0') : String(i % 100).padStart(2, '0')}`;
  for (let i = 0; i < n; i++)
    lines.push(`M${i.toString(36).toUpperCase()};"R${accent}public ${i}, Fed.; ${CLASSES[i % 14]}";${weight(i)}`);
  return `${lines.join('\r\n')}\r\n`;
}

const utf8 = new TextEncoder().encode(file(N, 'é'));
const cp1252 = Uint8Array.from(file(N, '\u00e9'), (c) => c.charCodeAt(0)); // é is 0xE9 in Windows-1252

function measure(fn: () => unknown, runs: number): { wall: number; cpu: number } {
  fn(); // warm-up
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const OLD_OPTIONS = {
  bom: true,
  delimiter: [',', ';'],
  comment: '#',
  comment_no_infix: true,
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  trim: true,
};
const PARSE_OPTIONS = { delimiter: ';', relax_column_count: true, trim: true };
const runs = 3;
const rows: (string | number)[][] = [];
let check = '';
const add = (what: string, fn: () => unknown) => {
  const r = measure(fn, runs);
  rows.push([what, ms(r.wall), ms(r.cpu)]);
};

add('before: decode + csv-parse browser build (old reader)', () =>
  browserParse(new TextDecoder().decode(utf8), OLD_OPTIONS as never),
);
add('csv-parse browser build alone', () => browserParse(new TextDecoder().decode(utf8), PARSE_OPTIONS as never));
add('csv-parse Node build alone', () => nodeParse(new TextDecoder().decode(utf8), PARSE_OPTIONS as never));
add('after: readMembersFile, UTF-8', () => {
  const r = readMembersFile(utf8, 'm.csv', 'weight');
  check = `${r.members.length} members, ${r.problems.length} problems, weight of M0 ${r.members[0].weight}`;
});
add('after: readMembersFile, Windows-1252 (announced)', () => readMembersFile(cp1252, 'm.csv', 'weight'));

console.log(
  `${N.toLocaleString('en')} members, ${(utf8.length / 1024 / 1024).toFixed(1)} MB; median of ${runs} runs (ms)\n`,
);
console.log(table(['path', 'wall', 'cpu'], rows));
console.log(`\nread back: ${check}`);
