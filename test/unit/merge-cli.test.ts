import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editPayment, recordPayment, removeMember, renameMember, type Outcome } from '../../shared/edit';
import type { Workbook } from '../../shared/model/types';
import { e1Workbook } from './helpers';
import { contrib } from './cli-helpers';

// Issue 16 item 4: contrib merge, and contrib merge as git's merge driver for workbooks (docs/team.md).

const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};
const pay = (wb: Workbook, member: string, amount: string) =>
  ok(recordPayment(wb, { member, date: '2026-02-01', amount }));
const text = (wb: Workbook) => `${JSON.stringify(wb, null, 2)}\n`;

const dirs: string[] = [];
function files(base: Workbook, ours: Workbook, theirs: Workbook) {
  const dir = mkdtempSync(join(tmpdir(), 'contrib-merge-'));
  dirs.push(dir);
  const at = (name: string, wb: Workbook) => {
    const f = join(dir, name);
    writeFileSync(f, text(wb));
    return f;
  };
  return { dir, base: at('base.json', base), ours: at('ours.json', ours), theirs: at('theirs.json', theirs) };
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const start = () => pay(e1Workbook(), 'P', '1000');

describe('contrib merge', () => {
  it('exit 0: both sides’ payments kept, the one renumbered said on stderr; stdout is the workbook', async () => {
    const b = start();
    const f = files(b, ok(renameMember(pay(b, 'R', '300'), 'P', 'Patria')), pay(b, 'S', '400'));
    const r = await contrib('merge', f.base, f.ours, f.theirs);
    expect(r.code).toBe(0);
    const wb = JSON.parse(r.out) as Workbook;
    expect(wb.payments.map((p) => `${p.id} ${p.member} ${p.amount}`)).toEqual([
      'pay-0001 P 1000',
      'pay-0002 R 300',
      'pay-0003 S 400',
    ]);
    expect(wb.members[0].name).toBe('Patria');
    expect(r.err).toBe(
      `payments: pay-0002 of ${f.theirs} is now pay-0003 (both sides added a record numbered pay-0002)\n`,
    );
  });

  it('exit 0 with --out: the merged workbook written there, nothing on stdout', async () => {
    const b = start();
    const f = files(b, ok(renameMember(b, 'P', 'Patria')), ok(renameMember(b, 'Q', 'Quintia')));
    const r = await contrib('merge', f.base, f.ours, f.theirs, '--out', f.ours);
    expect(r).toEqual({ code: 0, out: '', err: '' });
    const wb = JSON.parse(readFileSync(f.ours, 'utf8')) as Workbook;
    expect(wb.members.map((m) => m.name)).toEqual(['Patria', 'Quintia', 'State R', 'State S']);
  });

  it('exit 1: a conflicting amount listed as path: ours … theirs …, and nothing written', async () => {
    const b = start();
    const f = files(
      b,
      ok(editPayment(b, 'pay-0001', 'amount', '1100')),
      ok(editPayment(b, 'pay-0001', 'amount', '1200')),
    );
    const out = join(f.dir, 'merged.json');
    const r = await contrib('merge', f.base, f.ours, f.theirs, '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('payments[pay-0001].amount: ours "1100" theirs "1200"\n');
    expect(r.err).toMatch(/^1 conflict: .*nothing was written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('exit 1: a removal against a change says "removed"', async () => {
    const b = pay(start(), 'Q', '2000');
    const f = files(
      b,
      { ...b, payments: b.payments.slice(0, 1) },
      ok(editPayment(b, 'pay-0002', 'reference', 'bank 9')),
    );
    const r = await contrib('merge', f.base, f.ours, f.theirs);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `payments[pay-0002]: ours removed theirs ${JSON.stringify(ok(editPayment(b, 'pay-0002', 'reference', 'bank 9')).payments[1])}\n`,
    );
  });

  it('exit 1: a merge that would leave a payment of a removed member is refused, nothing written', async () => {
    const b = e1Workbook();
    const f = files(b, ok(removeMember(b, 'S')), pay(b, 'S', '5'));
    const before = readFileSync(f.ours, 'utf8');
    const r = await contrib('merge', f.base, f.ours, f.theirs, '--out', f.ours);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^merged: Payment pay-0001: there is no member S$/m);
    expect(r.err).toMatch(/would not be valid/);
    expect(readFileSync(f.ours, 'utf8')).toBe(before);
  });

  it('exit 2: a damaged input named with its line, a missing one, and a wrong number of files', async () => {
    const b = start();
    const f = files(b, b, b);
    writeFileSync(f.theirs, text(b).replace('"amount": "1000"', '"amount": 1000'));
    const line =
      text(b)
        .split('\n')
        .findIndex((l) => l.includes('"amount": "1000"')) + 1;
    const r = await contrib('merge', f.base, f.ours, f.theirs, '--out', join(f.dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^${f.theirs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: .*decimal string`));
    expect(existsSync(join(f.dir, 'x.json'))).toBe(false);
    expect((await contrib('merge', f.base, f.ours, join(f.dir, 'nope.json'))).err).toBe(
      `${join(f.dir, 'nope.json')}:1: no such file\n`,
    );
    const usage = await contrib('merge', f.base, f.ours);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/merge needs three workbooks/);
  });
});

// git as a person would use it: the driver configured as docs/team.md says, two branches merged.
const hasGit = spawnSync('git', ['--version']).status === 0;

describe.skipIf(!hasGit)('contrib merge as a git merge driver', () => {
  let bin = '';
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'contrib-driver-'));
    dirs.push(bin);
    const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--out-dir', bin], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  }, 60_000);

  function repo() {
    const dir = mkdtempSync(join(tmpdir(), 'contrib-repo-'));
    dirs.push(dir);
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.org',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.org',
    };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    const commit = (wb: Workbook, message: string) => {
      writeFileSync(join(dir, 'union.json'), text(wb));
      expect(git('add', '.').status).toBe(0);
      expect(git('commit', '-q', '-m', message).status).toBe(0);
    };
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
    // The lines of docs/team.md, with the bundle built for this test in place of an installed contrib.
    writeFileSync(join(dir, '.gitattributes'), '*.json merge=contrib\n');
    expect(git('config', 'merge.contrib.name', 'Contribution Calculator workbook merge').status).toBe(0);
    expect(
      git(
        'config',
        'merge.contrib.driver',
        `"${process.execPath}" "${resolve(bin, 'contrib.mjs')}" merge %O %A %B --out %A`,
      ).status,
    ).toBe(0);
    return { dir, git, commit };
  }

  it('merges two branches that changed different members and both recorded a payment', () => {
    const { dir, git, commit } = repo();
    const b = start();
    commit(b, 'start');
    expect(git('checkout', '-q', '-b', 'payments').status).toBe(0);
    commit(pay(ok(renameMember(b, 'Q', 'Quintia')), 'Q', '2000'), 'Q paid');
    expect(git('checkout', '-q', 'main').status).toBe(0);
    commit(pay(ok(renameMember(b, 'P', 'Patria')), 'R', '300'), 'R paid');
    const m = git('merge', '--no-edit', 'payments');
    expect(m.status, m.stdout + m.stderr).toBe(0);
    const wb = JSON.parse(readFileSync(join(dir, 'union.json'), 'utf8')) as Workbook;
    expect(wb.members.map((x) => x.name)).toEqual(['Patria', 'Quintia', 'State R', 'State S']);
    expect(wb.payments.map((p) => `${p.member} ${p.amount}`).sort()).toEqual(['P 1000', 'Q 2000', 'R 300']);
    expect(new Set(wb.payments.map((p) => p.id)).size).toBe(3);
  });

  it('stops on a conflicting amount: the file stays ours, the conflict is printed', () => {
    const { dir, git, commit } = repo();
    const b = start();
    commit(b, 'start');
    expect(git('checkout', '-q', '-b', 'other').status).toBe(0);
    commit(ok(editPayment(b, 'pay-0001', 'amount', '1200')), 'theirs');
    expect(git('checkout', '-q', 'main').status).toBe(0);
    const ours = ok(editPayment(b, 'pay-0001', 'amount', '1100'));
    commit(ours, 'ours');
    const m = git('merge', '--no-edit', 'other');
    expect(m.status).not.toBe(0);
    expect(m.stdout + m.stderr).toMatch(/payments\[pay-0001\]\.amount: ours "1100" theirs "1200"/);
    expect(readFileSync(join(dir, 'union.json'), 'utf8')).toBe(text(ours));
    expect(git('status', '--porcelain').stdout).toMatch(/^UU union\.json$/m);
  });
});
