// A .dom.test.ts: type-checked with the renderer (DOM types), run in Node with a fake window.
import { describe, expect, it } from 'vitest';
import { browserApi } from '../../renderer/platform/browser';

/** localStorage with a quota, as browsers have (a few MB per origin). */
class QuotaStorage {
  private items = new Map<string, string>();
  constructor(private quota: number) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) throw new Error('QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

const api = (quota: number) => browserApi({ localStorage: new QuotaStorage(quota) } as unknown as Window);
const file = { id: 'w.json', name: 'w.json' };

describe('browser mode: the autosave draft (files never lost)', () => {
  it('keeps the latest draft and offers it back', async () => {
    const a = api(10_000);
    await a.autosave({ text: '{"v":1}', file, savedAt: '2026-11-22T10:00:00Z' });
    await a.autosave({ text: '{"v":2}', file, savedAt: '2026-11-22T10:01:00Z' });
    expect(await a.recover()).toEqual({ text: '{"v":2}', file, savedAt: '2026-11-22T10:01:00Z' });
    await a.clearAutosave();
    expect(await a.recover()).toBeNull();
  });

  it('a draft over the storage quota drops the older draft rather than offering it later as the unsaved work', async () => {
    const a = api(1_000);
    await a.autosave({ text: '{"v":1}', file, savedAt: '2026-11-22T10:00:00Z' });
    expect((await a.recover())?.text).toBe('{"v":1}');
    await expect(
      a.autosave({ text: `{"v":"${'x'.repeat(2_000)}"}`, file, savedAt: '2026-11-22T10:01:00Z' }),
    ).resolves.toBeUndefined();
    expect(await a.recover()).toBeNull();
  });
});
