import { describe, expect, it, vi } from 'vitest';
import { createCloseGuard, type CloseChoice } from '../../electron/handlers/close';
import type { MenuCommand } from '../../shared/ipc/contract';

// Closing with unsaved changes: Save / Don't Save / Cancel, with the dialog port mocked (no Electron).

function setup(answer: CloseChoice) {
  const askUnsaved = vi.fn(async (_name: string) => answer);
  const sent: MenuCommand[] = [];
  const destroy = vi.fn();
  const discardDraft = vi.fn(async () => {});
  const guard = createCloseGuard({ dialog: { askUnsaved }, send: (c) => sent.push(c), destroy, discardDraft });
  const close = () => {
    const preventDefault = vi.fn();
    guard.onClose({ preventDefault });
    return preventDefault;
  };
  return { guard, askUnsaved, sent, destroy, discardDraft, close };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('closing the window', () => {
  it('closes at once when nothing is unsaved, without asking', async () => {
    const t = setup('cancel');
    t.guard.onDocumentState({ name: 'a.json', dirty: false });
    expect(t.close()).not.toHaveBeenCalled();
    await settle();
    expect(t.askUnsaved).not.toHaveBeenCalled();
  });

  it('Cancel keeps the window and the changes', async () => {
    const t = setup('cancel');
    t.guard.onDocumentState({ name: 'a.json', dirty: true });
    expect(t.close()).toHaveBeenCalled();
    await settle();
    expect(t.askUnsaved).toHaveBeenCalledWith('a.json');
    expect(t.destroy).not.toHaveBeenCalled();
    expect(t.sent).toEqual([]);
    expect(t.discardDraft).not.toHaveBeenCalled();
  });

  it("Don't Save closes without saving and drops the draft of the discarded changes", async () => {
    const t = setup('discard');
    t.guard.onDocumentState({ name: 'a.json', dirty: true });
    t.close();
    await settle();
    expect(t.sent).toEqual([]);
    expect(t.discardDraft).toHaveBeenCalledOnce();
    expect(t.destroy).toHaveBeenCalledOnce();
  });

  it('Save asks the renderer to save and closes only once the file is written', async () => {
    const t = setup('save');
    t.guard.onDocumentState({ name: 'a.json', dirty: true });
    t.close();
    await settle();
    expect(t.sent).toEqual(['saveAndClose']);
    expect(t.destroy).not.toHaveBeenCalled();
    // Another click on the close box while saving does not ask twice.
    t.close();
    await settle();
    expect(t.askUnsaved).toHaveBeenCalledOnce();
    t.guard.onSaveResult(true);
    expect(t.destroy).toHaveBeenCalledOnce();
  });

  it('a cancelled Save As keeps the window open, and a later save does not close it', async () => {
    const t = setup('save');
    t.guard.onDocumentState({ name: 'Untitled', dirty: true });
    t.close();
    await settle();
    t.guard.onSaveResult(false);
    expect(t.destroy).not.toHaveBeenCalled();
    t.guard.onSaveResult(true); // an ordinary save afterwards: not an answer to a close
    expect(t.destroy).not.toHaveBeenCalled();
    // Closing again asks again.
    t.close();
    await settle();
    expect(t.askUnsaved).toHaveBeenCalledTimes(2);
  });

  it('asks once while the dialog is on screen', async () => {
    let answer: (c: CloseChoice) => void = () => {};
    const askUnsaved = vi.fn(() => new Promise<CloseChoice>((r) => (answer = r)));
    const destroy = vi.fn();
    const guard = createCloseGuard({ dialog: { askUnsaved }, send: () => {}, destroy, discardDraft: async () => {} });
    guard.onDocumentState({ name: 'a.json', dirty: true });
    guard.onClose({ preventDefault: () => {} });
    guard.onClose({ preventDefault: () => {} });
    expect(askUnsaved).toHaveBeenCalledOnce();
    answer('discard');
    await settle();
    expect(destroy).toHaveBeenCalledOnce();
  });
});
