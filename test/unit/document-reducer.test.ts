import { describe, expect, it } from 'vitest';
import { addMember, renameMember } from '../../shared/edit';
import { blankWorkbook } from '../../renderer/src/document/blank';
import {
  documentReducer,
  INITIAL_STATE,
  isDirty,
  noticeText,
  runCommand,
  type DocumentState,
} from '../../renderer/src/document/reducer';

// The document store's reducer: pure, so the lifecycle's state changes are tested without React or a platform.

const file = { id: 'f1', name: 'a.json' };
const opened = (): DocumentState =>
  documentReducer(INITIAL_STATE, { type: 'adopt', workbook: blankWorkbook(2024), file });
const add = (code: string) => (wb: Parameters<typeof addMember>[0]) =>
  addMember(wb, { code, name: `Member ${code}`, value: 'A', budget: 'conference', year: 2024 });

describe('document reducer', () => {
  it('adopts a document clean, with a new generation each time', () => {
    const s = opened();
    expect(s.doc?.file).toEqual(file);
    expect(isDirty(s.doc)).toBe(false);
    expect(s.doc?.history.undo).toEqual([]);
    expect(documentReducer(s, { type: 'adopt', workbook: blankWorkbook(2024), file: null }).doc?.generation).toBe(
      s.doc!.generation + 1,
    );
  });

  it('runs a command: new workbook, one undo step, dirty, a notice with its label', () => {
    const s0 = opened();
    const { state, outcome } = runCommand(s0, add('AA'));
    expect(outcome.ok).toBe(true);
    expect(state.doc!.workbook.members.map((m) => m.code)).toEqual(['AA']);
    expect(state.doc!.history.undo).toHaveLength(1);
    expect(isDirty(state.doc)).toBe(true);
    expect(state.notice?.kind).toBe('info');
    expect(noticeText(state.notice!)).toBe(state.doc!.history.undo[0].label);
    expect(s0.doc!.workbook.members).toEqual([]); // the state before is untouched
  });

  it('a refused command changes nothing and returns the problems', () => {
    const s0 = runCommand(opened(), add('AA')).state;
    const { state, outcome } = runCommand(s0, (wb) => renameMember(wb, 'ZZ', 'Nobody'));
    expect(outcome.ok).toBe(false);
    expect(state).toBe(s0);
  });

  it('undo and redo move through the history; undoing to the saved workbook is clean again', () => {
    const s1 = documentReducer(opened(), { type: 'run', command: add('AA') });
    const u = documentReducer(s1, { type: 'undo' });
    expect(u.doc!.workbook.members).toEqual([]);
    expect(isDirty(u.doc)).toBe(false);
    expect(noticeText(u.notice!)).toBe(`Undid: ${s1.doc!.history.undo[0].label}`);
    expect(noticeText(u.notice!, 'fr')).toMatch(/^Annulé : /);
    const r = documentReducer(u, { type: 'redo' });
    expect(r.doc!.workbook.members.map((m) => m.code)).toEqual(['AA']);
    expect(noticeText(r.notice!)).toMatch(/^Redid: /);
    expect(documentReducer(r, { type: 'redo' })).toBe(r); // nothing to redo
  });

  it('saved: the written workbook becomes the saved state; an edit made meanwhile stays dirty', () => {
    const s1 = documentReducer(opened(), { type: 'run', command: add('AA') });
    const written = s1.doc!.workbook;
    const s2 = documentReducer(s1, { type: 'run', command: add('BB') });
    const s3 = documentReducer(s2, { type: 'saved', file: { id: 'f2', name: 'b.json' }, workbook: written });
    expect(s3.doc!.file?.name).toBe('b.json');
    expect(isDirty(s3.doc)).toBe(true);
    expect(isDirty(documentReducer(s1, { type: 'saved', file, workbook: written }).doc)).toBe(false);
    expect(s3.doc!.history).toBe(s2.doc!.history); // saving keeps the undo history
  });

  it('a successful edit clears the refused cell', () => {
    const s = documentReducer(opened(), { type: 'cellError', error: { rowId: 'AA', colId: 'class', message: 'no' } });
    expect(documentReducer(s, { type: 'run', command: add('AA') }).cellError).toBeNull();
  });
});
