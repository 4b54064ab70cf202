// `npm run torture:save` (issue 15): the app's real save code (createFileHandlers + nodeFs + the worker check) under
// SIGKILL and under simultaneous saves. Not part of `npm test`: it takes a few minutes and writes ~1 GB in total.
//
//   kills:  child processes save a ~40 MB workbook over and over (A, B, A, …) and are SIGKILLed at random moments,
//           most while the file is being written; after each kill the app's start-up sweep runs, then the lane's
//           file must be A or B byte for byte, its .bak A or B, and none of our temp files may be left.
//   pairs:  two saves of one document at once, through the handlers of one main process, half of them of the same
//           text; both must succeed, the file must be the second, the backup the first, no temp file left.
// Prints the counts and exits non-zero when corrupted files, broken backups, leftover temp files or false failures
// are not all 0. Options: --kills N (default 200), --pairs N (default 200), --lanes N (default 2), --mb N (40).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeFs } from '../electron/adapters/fs';
import { workerWorkbookCheck } from '../electron/adapters/workbook-worker';
import {
  nodeAsyncOps,
  sweepStaleTemps,
  tempOwner,
  writeFileAtomic,
  type AsyncOps,
} from '../electron/handlers/atomic-write';
import { createFileHandlers } from '../electron/handlers/files';
import type { FsPort } from '../electron/handlers/ports';

const here = import.meta.dirname;
const root = resolve(here, '..');

/**
 * The app's worker, bundled as electron/build.mjs does, so each check starts as in the packaged app; and this script
 * itself, so each child starts in plain Node without compiling TypeScript (200 children).
 */
async function bundle(outDir: string): Promise<{ worker: URL; child: string }> {
  const { build } = await import('vite');
  const { builtinModules } = await import('node:module');
  const one = (entry: string, format: 'cjs' | 'es', fileName: string) =>
    build({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: true,
        target: 'node22',
        outDir,
        emptyOutDir: false,
        minify: false,
        lib: { entry: join(root, entry), formats: [format], fileName: () => fileName },
        rollupOptions: {
          external: ['electron', 'vite', /^node:/, ...builtinModules],
          output: { entryFileNames: fileName, codeSplitting: false },
        },
      },
      ssr: { noExternal: true },
    });
  await one('electron/workers/workbook-check.worker.ts', 'cjs', 'workbook-check.worker.cjs');
  await one('scripts/torture-save.ts', 'es', 'torture-child.mjs');
  return { worker: pathToFileURL(join(outDir, 'workbook-check.worker.cjs')), child: join(outDir, 'torture-child.mjs') };
}

/** A valid workbook of about `mb` MB: 200 members over 30 years, each payment with a long bank reference. */
async function workbookText(mb: number, organization: string): Promise<string> {
  const { unitaryLedger } = await import('../bench/workbooks');
  const wb = unitaryLedger(200, 1);
  wb.organization.name = organization;
  const line = 'Transfer received from the ministry of foreign affairs, treasury account, value date as shown. ';
  const repeat = Math.max(1, Math.round((mb * 1e6) / wb.payments.length / line.length));
  wb.payments.forEach((p, i) => (p.reference = `${i} ${line.repeat(repeat)}`));
  return JSON.stringify(wb, null, 2);
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const ourTemps = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => tempOwner(n) !== null) : []);

// ---- the child: the main process's save path, saving until it is killed ----------------------------------------
async function child(dir: string, aPath: string, bPath: string, worker: string): Promise<void> {
  const texts = [readFileSync(aPath, 'utf8'), readFileSync(bPath, 'utf8')];
  const book = join(dir, 'book.json');
  const say = (s: string) => process.stdout.write(`${s}\n`);
  // The real adapter and the real atomic write, with a mark as each of its steps begins so the parent can aim.
  const marking: AsyncOps = (step) => {
    if (step.op !== 'realpath' && step.op !== 'mode') say(`s ${step.op}`);
    return nodeAsyncOps(step);
  };
  const fs: FsPort = {
    ...nodeFs,
    async writeAtomic(p, d, o) {
      if (p !== book) return nodeFs.writeAtomic(p, d, o);
      say('w+');
      await writeFileAtomic(p, d, { ...o, ops: marking });
      say('w-');
    },
  };
  const h = createFileHandlers({
    fs,
    dialog: { chooseOpen: async () => book, chooseSave: async () => book },
    paths: { userData: join(dir, 'user'), startFile: book, join, basename, dirname },
    check: workerWorkbookCheck(new URL(worker)),
  });
  say('ready');
  const ref = { id: book, name: 'book.json' };
  for (let i = 0; ; i++) {
    const text = texts[(i + 1) % 2];
    const r = i === 0 ? await h.saveAs('book.json', text) : await h.save(ref, text);
    say(r.ok ? 'saved' : `failed ${'message' in r ? r.message : 'cancelled'}`);
  }
}

// ---- the parent ---------------------------------------------------------------------------------------------------
/** The steps of atomicWritePlan a kill is aimed at (the temp file's write, the backup, the renames, the fsync). */
const STEPS = ['writeNew', 'writeNew', 'link', 'rename backup', 'rename file', 'syncDir'];

interface Counts {
  kills: number;
  byStep: Record<string, number>;
  savesCompleted: number;
  corrupted: number;
  brokenBackups: number;
  tempsBeforeSweep: number;
  leftoverTemps: number;
  failedSaves: number;
}

async function killLane(
  lane: string,
  runs: number,
  files: { a: string; b: string; hashes: Set<string> },
  built: { worker: URL; child: string },
  c: Counts,
): Promise<void> {
  const book = join(lane, 'book.json');
  let everSaved = false;
  for (let run = 0; run < runs; run++) {
    const p = spawn(process.execPath, [built.child, 'child', lane, files.a, files.b, built.worker.href], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Three kills in four are aimed at a step of the workbook's atomic write (the parent kills as soon as it hears
    // that the step began, or, for the temp file's write, at a random point of it); the rest at any moment.
    const aimAtWrite = Math.random() < 0.75;
    const target = STEPS[Math.floor(Math.random() * STEPS.length)];
    let step = 'before any write';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (p.exitCode === null && p.signalCode === null) {
        c.byStep[step] = (c.byStep[step] ?? 0) + 1;
        p.kill('SIGKILL');
      }
    };
    let buf = '';
    p.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready' && !aimAtWrite) timer = setTimeout(kill, Math.random() * 3000);
        else if (line === 'w+') step = 'encoding';
        else if (line.startsWith('s ')) {
          // The second rename is the file's own; the first, the backup's.
          step =
            line === 's rename' && step.startsWith('rename')
              ? 'rename file'
              : line === 's rename'
                ? 'rename backup'
                : line.slice(2);
          if (aimAtWrite && !timer && step === target)
            timer = setTimeout(kill, step === 'writeNew' ? Math.random() * 300 : 0);
        } else if (line === 'w-') {
          step = 'between saves';
          everSaved = true;
        } else if (line === 'saved') c.savesCompleted++;
        else if (line.startsWith('failed')) {
          c.failedSaves++;
          console.error(line);
        }
      }
    });
    const safety = setTimeout(kill, 20_000);
    const [, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) =>
      p.once('exit', (code, sig) => r([code, sig])),
    );
    clearTimeout(safety);
    clearTimeout(timer);
    if (signal === 'SIGKILL' && ++c.kills % 25 === 0) console.error(`… ${c.kills} kills`);
    // What a user would find: the file, its backup, and the temp files once the app has started again.
    const text = existsSync(book) ? readFileSync(book) : null;
    if (!text || !files.hashes.has(sha(text))) c.corrupted++;
    const bak = existsSync(`${book}.bak`) ? readFileSync(`${book}.bak`) : null;
    if (bak ? !files.hashes.has(sha(bak)) : everSaved) c.brokenBackups++;
    const dirs = [lane, join(lane, 'user')];
    c.tempsBeforeSweep += dirs.reduce((n, d) => n + ourTemps(d).length, 0);
    await sweepStaleTemps(dirs);
    c.leftoverTemps += dirs.reduce((n, d) => n + ourTemps(d).length, 0);
  }
}

async function pairs(dir: string, n: number, worker: URL) {
  const book = join(dir, 'book.json');
  const base = await workbookText(2, 'Pairs');
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(book, base);
  const h = createFileHandlers({
    fs: nodeFs,
    dialog: { chooseOpen: async () => book, chooseSave: async () => book },
    paths: { userData: join(dir, 'user'), startFile: book, join, basename, dirname },
    check: workerWorkbookCheck(worker),
  });
  const opened = await h.open();
  if (!opened.ok) throw new Error('the pairs workbook did not open');
  const ref = { id: book, name: 'book.json' };
  const r = { pairs: 0, samePairs: 0, falseFailures: 0, corrupted: 0, brokenBackups: 0, leftoverTemps: 0 };
  for (let i = 0; i < n; i++) {
    const same = i % 2 === 1;
    const first = base.replace('"Pairs"', `"Pairs ${i}a"`);
    const second = same ? first : base.replace('"Pairs"', `"Pairs ${i}b"`);
    const [x, y] = await Promise.all([h.save(ref, first), h.save(ref, second)]);
    r.pairs++;
    if (same) r.samePairs++;
    if (!x.ok) r.falseFailures++;
    if (!y.ok) r.falseFailures++;
    if (readFileSync(book, 'utf8') !== second) r.corrupted++;
    if (!existsSync(`${book}.bak`) || readFileSync(`${book}.bak`, 'utf8') !== first) r.brokenBackups++;
    r.leftoverTemps += ourTemps(dir).length + ourTemps(join(dir, 'user')).length;
  }
  return r;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kills: { type: 'string', default: '200' },
      pairs: { type: 'string', default: '200' },
      lanes: { type: 'string', default: '2' },
      mb: { type: 'string', default: '40' },
    },
  });
  const kills = Number(values.kills);
  const lanes = Math.max(1, Number(values.lanes));
  const work = mkdtempSync(join(tmpdir(), 'cc-torture-'));
  const t0 = performance.now();
  try {
    const built = await bundle(join(work, 'bundle'));
    const a = await workbookText(Number(values.mb), 'Torture A');
    const b = a.replace('"Torture A"', '"Torture B"');
    const files = { a: join(work, 'A.json'), b: join(work, 'B.json'), hashes: new Set([sha(a), sha(b)]) };
    writeFileSync(files.a, a);
    writeFileSync(files.b, b);
    console.log(
      `workbook: ${(Buffer.byteLength(a) / 1e6).toFixed(1)} MB; ${kills} kills over ${lanes} lanes, then ${values.pairs} pairs`,
    );

    const c: Counts = {
      kills: 0,
      byStep: {},
      savesCompleted: 0,
      corrupted: 0,
      brokenBackups: 0,
      tempsBeforeSweep: 0,
      leftoverTemps: 0,
      failedSaves: 0,
    };
    await Promise.all(
      Array.from({ length: lanes }, (_, i) => {
        const lane = join(work, `lane-${i}`);
        mkdirSync(join(lane, 'user'), { recursive: true });
        writeFileSync(join(lane, 'book.json'), a);
        const share = Math.floor(kills / lanes) + (i < kills % lanes ? 1 : 0);
        return killLane(lane, share, files, built, c);
      }),
    );
    const steps = Object.entries(c.byStep)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `kills: ${c.kills} (by the step under way: ${steps}; ${c.savesCompleted} saves completed between them)`,
    );
    console.log(`corrupted files: ${c.corrupted}`);
    console.log(`broken backups: ${c.brokenBackups}`);
    console.log(
      `leftover temp files: ${c.leftoverTemps} (${c.tempsBeforeSweep} left by kills, removed by the start-up sweep)`,
    );
    console.log(`failed saves: ${c.failedSaves}`);
    const p = await pairs(join(work, 'pairs'), Number(values.pairs), built.worker);
    console.log(
      `simultaneous pairs: ${p.pairs} (${p.samePairs} of the same text): false failures ${p.falseFailures}, corrupted files ${p.corrupted}, broken backups ${p.brokenBackups}, leftover temp files ${p.leftoverTemps}`,
    );
    console.log(`time: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const bad =
      c.corrupted +
      c.brokenBackups +
      c.leftoverTemps +
      c.failedSaves +
      p.falseFailures +
      p.corrupted +
      p.brokenBackups +
      p.leftoverTemps;
    const enough = c.kills >= kills;
    if (!enough) console.log(`only ${c.kills} of ${kills} kills were delivered`);
    return bad === 0 && enough ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  const [, , , dir, a, b, worker] = process.argv;
  await child(dir, a, b, worker);
} else {
  process.exitCode = await main();
}
