// bench/cli: `contrib` end to end, each run its own process, CPU (user + system) and peak memory (max RSS) as the
// kernel counts them through GNU time, so a loaded machine's waiting is left out. Medians over repeated runs.
// Run: npm run bench -- cli   (or npx tsx bench/cli.ts)
// Goals (issue 13): start-up under 0.15 s; status of 10,000 members × 30 years under 1 s; the members CSV at least
// as fast as a short Python csv+decimal script (bench/apportion-members.py) on 200,000 members; under 600 MB at 1,000,000.
// Options (environment): BENCH_CLI_RUNS (default 5), BENCH_CLI_BEFORE=FILE.mjs (an older bundle, to print beside),
// BENCH_CLI_SKIP_1M=1, BENCH_CLI_CALLGRIND=1 (start-up also as instruction counts: valgrind, ~40 s a case),
// BENCH_CLI_ONLY=status|csv (one part only; start-up is always measured, it is quick).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, table } from './harness';
import { unitaryLedger } from './workbooks';

const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error(
    'bench/cli needs GNU time (/usr/bin/time: apt-get install -y time) to read a process’s CPU and peak memory',
  );
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
const BEFORE = process.env.BENCH_CLI_BEFORE;
const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
const NODE = process.execPath;

// Always measure the code as it is: build the bundle first (a stale one would be passed over for the sources).
const built = spawnSync(NODE, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed:\n${built.stderr}`);

interface Run {
  cpu: number; // s
  wall: number; // s
  rssMb: number;
  out: string;
}

function once(cmd: string[], env: NodeJS.ProcessEnv = {}): Run {
  const stats = join(dir, 'time.txt');
  const r = spawnSync(TIME, ['-f', '%U %S %e %M', '-o', stats, ...cmd], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const [user, sys, wall, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpu: user + sys, wall, rssMb: kb / 1024, out: r.stdout };
}

interface Figures {
  cpu: number;
  wall: number;
  rssMb: number;
  out: string;
}

function measure(cmd: string[], runs = RUNS, env: NodeJS.ProcessEnv = {}): Figures {
  const rs = Array.from({ length: runs }, () => once(cmd, env));
  return {
    cpu: median(rs.map((r) => r.cpu)),
    wall: median(rs.map((r) => r.wall)),
    rssMb: Math.max(...rs.map((r) => r.rssMb)),
    out: rs[0].out,
  };
}

const s = (x: number) => x.toFixed(3);
const mb = (x: number) => x.toFixed(0);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

// --- Start-up -----------------------------------------------------------------------------------------------------
const tiny = 'test/fixtures/e4-workbook.json';
const startCases: [string, string[], NodeJS.ProcessEnv?][] = [
  ['node -e 0 (the floor)', [NODE, '-e', '0']],
  ['contrib --help, bundle', [NODE, 'cli/contrib.mjs', '--help']],
  ['contrib --help, sources via tsx', [NODE, 'cli/contrib.mjs', '--help'], { CONTRIB_SOURCES: '1' }],
  [`contrib validate ${tiny}, bundle`, [NODE, 'cli/contrib.mjs', 'validate', tiny]],
  [`contrib validate ${tiny}, tsx`, [NODE, 'cli/contrib.mjs', 'validate', tiny], { CONTRIB_SOURCES: '1' }],
  ...(BEFORE ? ([[`--help, before (${BEFORE})`, [NODE, BEFORE, '--help']]] as [string, string[]][]) : []),
];
const startRows: (string | number)[][] = [];
const floor = measure(startCases[0][1], RUNS * 2);
for (const [what, cmd, env] of startCases) {
  const f = what.startsWith('node -e') ? floor : measure(cmd, RUNS * 2, env);
  startRows.push([what, RUNS * 2, s(f.cpu), s(f.wall), mb(f.rssMb), ratio(f.cpu, floor.cpu)]);
}
console.log(
  `start-up: median CPU and wall of ${RUNS * 2} runs each; × node = CPU over a bare node's (on a loaded machine every figure grows, the ratio less)`,
);
console.log(table(['command', 'runs', 'CPU s', 'wall s', 'peak MB', '× node'], startRows));

if (process.env.BENCH_CLI_CALLGRIND === '1') {
  const rows: (string | number)[][] = [];
  let base = 0;
  for (const [what, cmd, env] of startCases) {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...cmd], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    const n = Number(/Collected : (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    if (!base) base = n;
    rows.push([what, (n / 1e6).toFixed(0), ratio(n, base)]);
  }
  console.log('\nstart-up as instructions (valgrind callgrind, all threads; independent of the load)');
  console.log(table(['command', 'M instructions', '× node'], rows));
}

const ONLY = process.env.BENCH_CLI_ONLY;

// --- status, 10,000 members × 30 years ----------------------------------------------------------------------------
if (ONLY === undefined || ONLY === 'status') {
  const ledger = unitaryLedger(10_000, 1);
  const ledgerFile = join(dir, 'ledger-10k.json');
  writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
  const statusCmd = (bin: string) => [NODE, bin, 'status', ledgerFile, '--date', '2026-06-30', '--format', 'csv'];
  const statusRows: (string | number)[][] = [];
  // The floor: node reading the same file and parsing it, nothing else. On a loaded machine every figure grows; the
  // ratio to the floor much less, so it says what a quiet machine would show.
  const parseOnly = measure([
    NODE,
    '-e',
    `JSON.parse(require('fs').readFileSync(${JSON.stringify(ledgerFile)}, 'utf8'))`,
  ]);
  const now = measure(statusCmd('cli/contrib.mjs'));
  statusRows.push([
    'node: read + JSON.parse only',
    s(parseOnly.cpu),
    s(parseOnly.wall),
    mb(parseOnly.rssMb),
    '',
    '1.00×',
  ]);
  statusRows.push([
    'contrib status (bundle)',
    s(now.cpu),
    s(now.wall),
    mb(now.rssMb),
    now.out.split('\n').length - 2,
    ratio(now.cpu, parseOnly.cpu),
  ]);
  if (BEFORE) {
    const before = measure(statusCmd(BEFORE));
    statusRows.push([
      `before (${BEFORE})`,
      s(before.cpu),
      s(before.wall),
      mb(before.rssMb),
      before.out === now.out ? 'same output' : 'OUTPUT DIFFERS',
      ratio(before.cpu, parseOnly.cpu),
    ]);
  }
  console.log(
    `\ncontrib status on ${ledger.members.length.toLocaleString('en')} members × 30 years: ${(readFileSync(ledgerFile).length / 1e6).toFixed(1)} MB workbook, ${ledger.payments.length.toLocaleString('en')} payments; median CPU (user + system) and wall of ${RUNS} runs, peak RSS; goal: under 1 s wall`,
  );
  console.log(table(['command', 'CPU s', 'wall s', 'peak MB', 'members', '× floor CPU'], statusRows));
}

// --- Members CSV against Python ------------------------------------------------------------------------------------
const CLASSES = ['I', 'II', 'III', 'IV', 'IVbis', 'V', 'VI', 'VIbis', 'VII', 'VIII', 'IX', 'S', 'Sbis', 'Ster'];
function membersFile(n: number): string {
  const f = join(dir, `members-${n}.csv`);
  const lines = ['code,name,class'];
  for (let i = 0; i < n; i++)
    lines.push(`M${String(i).padStart(7, '0')},Member state ${i},${CLASSES[(i * 7919) % 14]}`);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}
const TOTAL = '1000000000.00';
const contribCsv = (bin: string, f: string) => [
  NODE,
  bin,
  'apportion',
  '--members',
  f,
  '--scheme',
  'wipo-unitary',
  '--total',
  TOTAL,
  '--format',
  'csv',
];
const python = (f: string) => ['python3', 'bench/apportion-members.py', f, TOTAL, '0.01'];
if (ONLY === undefined || ONLY === 'csv') {
  const csvRows: (string | number)[][] = [];
  const m200k = membersFile(200_000);
  const js = measure(contribCsv('cli/contrib.mjs', m200k));
  const py = measure(python(m200k));
  csvRows.push(['200,000', 'contrib (bundle)', s(js.cpu), s(js.wall), mb(js.rssMb), ratio(js.cpu, py.cpu)]);
  if (BEFORE) {
    const b = measure(contribCsv(BEFORE, m200k));
    csvRows.push(['200,000', 'contrib before', s(b.cpu), s(b.wall), mb(b.rssMb), ratio(b.cpu, py.cpu)]);
  }
  csvRows.push(['200,000', 'python3 csv+decimal', s(py.cpu), s(py.wall), mb(py.rssMb), '1.00×']);
  if (process.env.BENCH_CLI_SKIP_1M !== '1') {
    const m1m = membersFile(1_000_000);
    const big = measure(contribCsv('cli/contrib.mjs', m1m), Math.min(RUNS, 3));
    csvRows.push(['1,000,000', 'contrib (bundle)', s(big.cpu), s(big.wall), mb(big.rssMb), '']);
    if (BEFORE) {
      const b = measure(contribCsv(BEFORE, m1m), Math.min(RUNS, 3));
      csvRows.push(['1,000,000', 'contrib before', s(b.cpu), s(b.wall), mb(b.rssMb), '']);
    }
  }
  console.log(
    `\napportion --members (WIPO unitary classes, total ${TOTAL}) against bench/apportion-members.py; median of ${RUNS}; same output: ${js.out === py.out ? 'yes' : 'NO'}`,
  );
  console.log(table(['members', 'program', 'CPU s', 'wall s', 'peak MB', '× python CPU'], csvRows));
}

rmSync(dir, { recursive: true, force: true });
