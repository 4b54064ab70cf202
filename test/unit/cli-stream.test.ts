import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E1, E1_CSV, node, tmp } from './cli-helpers';

// Issue 13: the members CSV goes out in pieces, each waited for (a pipe's back-pressure), never queued whole.
/** `apportion` of 5,000 members as CSV: some 200 KB, several pieces. */
function manyMembers(): string[] {
  const f = join(tmp(), 'members.csv');
  const lines = ['code,name,class', ...Array.from({ length: 5000 }, (_, i) => `M${i},Member ${i},${'ABC'[i % 3]}`)];
  writeFileSync(f, `${lines.join('\n')}\n`);
  return ['apportion', '--members', f, '--scheme', 'wipo-convention', '--total', '1000000.00', '--format', 'csv'];
}

describe('contrib apportion --members streams its CSV', () => {
  it('writes through piece() one piece at a time, the next only after the last was taken; the same bytes', async () => {
    const pieces: string[] = [];
    let waiting = 0;
    let overlapped = false;
    const io = {
      out: () => {
        throw new Error('the CSV went through out(), not piece()');
      },
      err: () => {},
      piece: async (t: string) => {
        if (waiting > 0) overlapped = true;
        waiting++;
        pieces.push(t);
        await new Promise((r) => setTimeout(r, 1));
        waiting--;
        return true;
      },
    };
    const args = manyMembers();
    expect(await run(args, io, {})).toBe(0);
    expect(overlapped).toBe(false);
    expect(pieces.length).toBeGreaterThan(1);
    let whole = '';
    expect(await run(args, { out: (t) => (whole += t), err: () => {} }, {})).toBe(0);
    expect(pieces.join('')).toBe(whole);
  });
  it('stops making pieces once the reader has gone (`| head`), and ends as done', async () => {
    let asked = 0;
    const io = { out: () => {}, err: () => {}, piece: async () => (++asked, false) };
    const args = manyMembers();
    expect(await run(args, io, {})).toBe(0);
    expect(asked).toBe(1);
  });
  it('piped into head, the bundle ends without an error', () => {
    const r = spawnSync('sh', ['-c', `node cli/contrib.mjs ${E1.join(' ')} | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${E1_CSV.split('\n')[0]}\n`);
    expect(r.stderr).toBe('');
  });
  it('through a real pipe the bundle writes what it wrote before', () => {
    const r = node(['cli/contrib.mjs', ...E1]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(E1_CSV);
  });
});
