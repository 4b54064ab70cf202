import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { asVersion1 } from './helpers';

const E4 = 'test/fixtures/e4-workbook.json';
const HEADER = 'code,name,budget,arrears,threshold,status,minimum_payment,loses_vote_on,history';

async function contrib(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'contrib-ledger-'));

/** E4 with a WCF decision, a voting decision and an advance agreement, written to a temp file. */
function e4Plus(): string {
  const wb = JSON.parse(readFileSync(E4, 'utf8'));
  wb.members.push({ code: 'H', name: 'Hostland' });
  wb.participations.push({
    member: 'H',
    budget: 'conference',
    from: '2024-01-01',
    classes: [{ year: 2024, class: 'A' }],
  });
  wb.wcfDecisions = [
    {
      id: 'wcf-2025',
      budget: 'conference',
      year: 2025,
      proportion: '0.1',
      decidedOn: '2025-06-01',
      reference: 'A/65/4',
    },
  ];
  wb.payments[0].amount = '500'; // X's 2024 share is now 909: no credit left over for the WCF share
  wb.payments.push({ id: 'pay-2', member: 'H', date: '2025-07-01', amount: '11000', currency: 'CHF' });
  wb.advanceAgreements = [
    {
      id: 'hq-1',
      hostState: 'H',
      ceiling: '500000',
      currency: 'CHF',
      conditions: 'interest-free',
      signedOn: '2020-01-01',
      movements: [
        { date: '2025-02-01', kind: 'drawn', amount: '200000', reference: 'D-1' },
        { date: '2025-10-01', kind: 'repaid', amount: '50000' },
      ],
      denunciation: { by: 'host-state', notifiedOn: '2026-05-10' },
    },
  ];
  const file = join(tmp(), 'e4-plus.json');
  writeFileSync(file, JSON.stringify(wb, null, 2));
  return file;
}

describe('contrib status', () => {
  it('E4: on 2026-06-30 member X is in arrears, 17,000 against 22,000 (organization-wide and for the budget)', async () => {
    const all = await contrib('status', E4, '--date', '2026-06-30', '--format', 'csv');
    expect(all.code).toBe(0);
    expect(all.out).toBe(`${HEADER}\nX,State X,all,17000,22000,in arrears,0,2027-01-01,complete\n`);
    const one = await contrib('status', E4, '--date', '2026-06-30', '--budget', 'conference', '--format', 'csv');
    expect(one.out).toBe(`${HEADER}\nX,State X,conference,17000,22000,in arrears,0,2027-01-01,complete\n`);
  });

  it('E4: on 2027-01-01 member X has no vote, 29,000 against 24,000, minimum payment 5,001', async () => {
    const r = await contrib('status', E4, '--date', '2027-01-01', '--budget', 'conference', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${HEADER}\nX,State X,conference,29000,24000,no vote,5001,,complete\n`);
    const all = await contrib('status', E4, '--date', '2027-01-01', '--format', 'csv');
    expect(all.out).toBe(`${HEADER}\nX,State X,all,29000,24000,no vote,5001,,complete\n`);
  });

  it('E4: as JSON and as a table for people', async () => {
    const j = JSON.parse((await contrib('status', E4, '--date', '2027-01-01', '--format', 'json')).out);
    expect(j).toMatchObject({ date: '2027-01-01', budget: null, counts: { 'no vote': 1 } });
    expect(j.rows[0]).toMatchObject({
      code: 'X',
      budget: 'all',
      arrears: '29000',
      threshold: '24000',
      status: 'no vote',
      minimumPayment: '5001',
    });
    expect(j.rows[0].budgets[0]).toMatchObject({ budget: 'conference', dueThisYear: '12000' });
    const t = (await contrib('status', E4, '--date', '2026-06-30', '--budget', 'conference')).out;
    expect(t).toMatch(/^Voting status on 2026-06-30: Conference budget \(CHF\)$/m);
    // R18 on the day the vote would be lost: 5,001 paid before 1 January 2027 keeps it (E4).
    expect(t).toMatch(/^X\s+State X\s+conference\s+17,000\s+22,000\s+in arrears\s+0\s+2027-01-01\s+5,001$/m);
    const j2 = JSON.parse((await contrib('status', E4, '--date', '2026-06-30', '--format', 'json')).out);
    expect(j2.rows[0]).toMatchObject({
      code: 'X',
      status: 'in arrears',
      losesVoteOn: '2027-01-01',
      paymentToKeep: '5001',
    });
  });

  it('R17: a decision that keeps the vote is shown with its body and reference', async () => {
    const wb = JSON.parse(readFileSync(E4, 'utf8'));
    wb.votingDecisions = [
      {
        id: 'vd-1',
        member: 'X',
        body: 'General Assembly',
        date: '2027-01-01',
        reference: 'A/67/3',
        from: '2027-01-01',
        to: '2027-12-31',
      },
    ];
    const file = join(tmp(), 'kept.json');
    writeFileSync(file, JSON.stringify(wb));
    const csv = await contrib('status', file, '--date', '2027-06-30', '--format', 'csv');
    expect(csv.out.split('\n')[1]).toBe('X,State X,all,29000,24000,vote kept by decision,5001,2028-01-01,complete');
    const t = await contrib('status', file, '--date', '2027-06-30');
    expect(t.out).toMatch(/vote kept by decision \[1\]/);
    expect(t.out).toMatch(/\[1\] X: General Assembly, 2027-01-01 \(A\/67\/3\), from 2027-01-01 to 2027-12-31/);
  });

  it('writes --out atomically and prints nothing', async () => {
    const out = join(tmp(), 'status.csv');
    const r = await contrib('status', E4, '--date', '2026-06-30', '--format', 'csv', '--out', out);
    expect(r).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(out, 'utf8').startsWith(`${HEADER}\n`)).toBe(true);
  });

  it('usage errors exit 2 and write nothing', async () => {
    const out = join(tmp(), 'never.csv');
    for (const args of [
      ['status', E4, '--out', out],
      ['status', E4, '--date', '2026-02-30', '--out', out],
      ['status', E4, '--date', '2026-06-30', '--format', 'xls', '--out', out],
      ['status', '--date', '2026-06-30'],
    ]) {
      const r = await contrib(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^contrib: /);
    }
    expect((await contrib('status', E4, '--out', out)).err).toMatch(/--date must be a date written YYYY-MM-DD/);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown budget or a bad payment is reported as FILE:LINE: message, exit 2, nothing written', async () => {
    const out = join(tmp(), 'never.csv');
    const r = await contrib('status', E4, '--date', '2026-06-30', '--budget', 'paris', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${E4}:1: the workbook has no budget "paris" (it has conference)\n`);
    const wb = readFileSync(E4, 'utf8').replace('"amount": "5000"', '"amount": "5,000"');
    const bad = join(tmp(), 'bad.json');
    writeFileSync(bad, wb);
    const line = wb.split('\n').findIndex((l) => l.includes('"5,000"')) + 1;
    const b = await contrib('status', bad, '--date', '2026-06-30', '--out', out);
    expect(b.code).toBe(2);
    expect(b.err).toBe(
      `${bad}:${line}: Payment pay-1: the amount must be a number written like 1500000.00 (got "5,000")\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('the example workbook', () => {
  it('R16–R20: on 2026-06-30 it shows every status, a vote kept by decision, the WCF and a denounced advance agreement', async () => {
    const ex = 'examples/example-workbook.json';
    const j = JSON.parse((await contrib('status', ex, '--date', '2026-06-30', '--format', 'json')).out);
    expect(j.counts['in arrears']).toBeGreaterThan(0);
    expect(j.counts['no vote']).toBeGreaterThan(0);
    expect(j.counts['vote kept by decision']).toBe(1);
    expect(j.rows.find((r: { code: string }) => r.code === 'HT')).toMatchObject({
      status: 'vote kept by decision',
      decision: { body: 'General Assembly' },
    });
    expect(j.rows.find((r: { code: string }) => r.code === 'TV')).toMatchObject({
      status: 'no vote',
      withdrew: '2024-12-31',
    });
    const wcf = JSON.parse((await contrib('wcf', ex, '--date', '2026-06-30', '--format', 'json')).out);
    expect(wcf.funds.map((f: { budget: string }) => f.budget)).toEqual(['paris', 'unitary']);
    const adv = (await contrib('advances', ex, '--date', '2026-06-30', '--format', 'csv')).out;
    expect(adv.split('\n')[1]).toMatch(/,yes,host-state,2026-05-10,2029-12-31,yes$/);
  });
});

describe('contrib wcf', () => {
  it('R19: shares, payments to the fund and its balance, as CSV', async () => {
    const file = e4Plus();
    const r = await contrib('wcf', file, '--date', '2026-06-30', '--format', 'csv');
    expect(r.code).toBe(0);
    // 2025: X (C, 1 unit) and H (A, 10 units) share 12,000: 1,091 and 10,909; 10% of each, R9.
    // X paid on 2025-03-01, before the decision: all to 2024. H's unmarked 11,000 on 2025-07-01 goes to its
    // WCF share first (R15), then to 2024.
    expect(r.out).toBe(
      'code,name,budget,share,paid,owed\nX,State X,conference,109,0,109\nH,Hostland,conference,1091,1091,0\n',
    );
  });

  it('R19: as a table and as JSON, and nothing before the decision', async () => {
    const file = e4Plus();
    const t = (await contrib('wcf', file, '--date', '2026-06-30')).out;
    expect(t).toMatch(/^Conference budget\s+CHF\s+1,200\s+1,091\s+109$/m);
    expect(t).toMatch(/wcf-2025\s+conference\s+2025\s+0\.1 of the contribution\s+2025-06-01\s+A\/65\/4/);
    const j = JSON.parse((await contrib('wcf', file, '--date', '2026-06-30', '--format', 'json')).out);
    expect(j.funds).toEqual([
      {
        budget: 'conference',
        name: 'Conference budget',
        currency: 'CHF',
        established: '1200',
        balance: '1091',
        owed: '109',
      },
    ]);
    expect((await contrib('wcf', file, '--date', '2025-01-31')).out).toMatch(
      /No working capital fund decision is in force on this date/,
    );
    expect((await contrib('wcf', file, '--date', '2025-01-31', '--format', 'csv')).out).toBe(
      'code,name,budget,share,paid,owed\n',
    );
  });
});

describe('contrib advances', () => {
  it('R20: outstanding balance, denunciation and ex officio seat, as CSV', async () => {
    const file = e4Plus();
    const head =
      'agreement,host_state,name,currency,ceiling,drawn,repaid,outstanding,available,bound,denounced_by,notified_on,ends_on,ex_officio_seat';
    const r = await contrib('advances', file, '--date', '2026-06-30', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${head}\nhq-1,H,Hostland,CHF,500000,200000,50000,150000,350000,yes,host-state,2026-05-10,2029-12-31,yes\n`,
    );
    const after = await contrib('advances', file, '--date', '2030-01-01', '--format', 'csv');
    expect(after.out.split('\n')[1]).toBe(
      'hq-1,H,Hostland,CHF,500000,200000,50000,150000,0,no,host-state,2026-05-10,2029-12-31,no',
    );
    const before = await contrib('advances', file, '--date', '2026-05-09', '--format', 'csv');
    expect(before.out.split('\n')[1]).toBe('hq-1,H,Hostland,CHF,500000,200000,50000,150000,350000,yes,,,,yes');
  });

  it('R20: a table for people says until when the host state is bound', async () => {
    const t = (await contrib('advances', e4Plus(), '--date', '2026-06-30')).out;
    expect(t).toMatch(/Denounced by the host state on 2026-05-10: the obligation ends on 2029-12-31; still bound\./);
    expect(t).toMatch(/Hostland \(H\) holds an ex officio seat on the Coordination Committee until 2029-12-31\./);
    expect(t).toMatch(/Drawn 200,000, repaid 50,000, outstanding 150,000, still available 350,000 CHF\./);
  });

  it('advances takes no --budget', async () => {
    const r = await contrib('advances', E4, '--date', '2026-06-30', '--budget', 'conference');
    expect(r.code).toBe(2);
  });
});

describe('contrib status: R18 figures that do what they say (issue 9)', () => {
  it('R18: on the version-1 example workbook, paying each minimum payment shown (marked for its budget) restores the vote, as contrib status itself then reports', async () => {
    const example = JSON.parse(asVersion1(readFileSync('examples/example-workbook.json', 'utf8')));
    expect(example.version).toBe(1);
    const dir = tmp();
    const v1 = join(dir, 'example-v1.json');
    writeFileSync(v1, JSON.stringify(example));
    let checked = 0;
    for (const budget of ['conference', 'paris', 'locarno', 'unitary']) {
      const before = JSON.parse(
        (await contrib('status', v1, '--date', '2026-06-30', '--budget', budget, '--format', 'json')).out,
      );
      const lost = before.rows.filter((r: { status: string }) => r.status === 'no vote');
      const wb = structuredClone(example);
      lost.forEach((r: { code: string; minimumPayment: string; currency: string | null }, i: number) =>
        wb.payments.push({
          id: `min-${i}`,
          member: r.code,
          date: '2026-06-30',
          amount: r.minimumPayment,
          currency: r.currency ?? 'CHF',
          budget,
        }),
      );
      const file = join(dir, `${budget}.json`);
      writeFileSync(file, JSON.stringify(wb));
      const after = JSON.parse(
        (await contrib('status', file, '--date', '2026-06-30', '--budget', budget, '--format', 'json')).out,
      );
      const still = after.rows.filter(
        (r: { code: string; status: string }) =>
          r.status === 'no vote' && lost.some((l: { code: string }) => l.code === r.code),
      );
      expect(
        still.map((r: { code: string }) => r.code),
        budget,
      ).toEqual([]);
      checked += lost.length;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
