// @vitest-environment happy-dom
// Issue 14: an information leaves by itself after a few seconds unless the pointer or the focus is on it; an error
// and a warning stay until dismissed; one under way (busy) stays. Fake timers; the provider with a fake platform.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentProvider, useDocument, type DocumentStore } from '../../renderer/src/document/DocumentProvider';
import { DocumentNotice, INFO_NOTICE_MS } from '../../renderer/src/document/Notices';
import type { Notice } from '../../renderer/src/document/reducer';
import { I18nProvider } from '../../renderer/src/i18n';
import { quietPlatform } from './dom-platform';

const api = quietPlatform;

/** The provider and its notice, the example opened; then fake timers. */
async function mount() {
  const seen: { current: DocumentStore | null } = { current: null };
  function Probe() {
    seen.current = useDocument();
    return null;
  }
  const provider = createElement(DocumentProvider, {
    api,
    children: [createElement(Probe, { key: 'p' }), createElement(DocumentNotice, { key: 'n' })],
  });
  render(createElement(I18nProvider, { children: provider }));
  await waitFor(() => expect(seen.current?.doc).not.toBeNull());
  vi.useFakeTimers();
  const say = (n: Notice) => act(() => seen.current!.notify(n));
  const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
  const shown = () => screen.queryByTestId('notice')?.textContent ?? null;
  return { say, wait, shown };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('notices leave or stay', () => {
  it('an information leaves after the time; a new one is given the full time again', async () => {
    const { say, wait, shown } = await mount();
    say({ kind: 'info', text: 'First' });
    wait(INFO_NOTICE_MS - 100);
    expect(shown()).toContain('First');
    say({ kind: 'info', text: 'Second' });
    wait(INFO_NOTICE_MS - 100);
    expect(shown()).toContain('Second');
    wait(200);
    expect(shown()).toBeNull();
  });

  it.each(['error', 'warning'] as const)('a %s stays until dismissed', async (kind) => {
    const { say, wait, shown } = await mount();
    say({ kind, text: 'Look at this' });
    wait(INFO_NOTICE_MS * 10);
    expect(shown()).toContain('Look at this');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(shown()).toBeNull();
  });

  it('an information under way (busy) stays', async () => {
    const { say, wait, shown } = await mount();
    say({ kind: 'info', text: 'Preparing', busy: true });
    wait(INFO_NOTICE_MS * 3);
    expect(shown()).toContain('Preparing');
  });

  it('the pointer on it keeps it; it leaves the full time after the pointer does', async () => {
    const { say, wait, shown } = await mount();
    say({ kind: 'info', text: 'Read me' });
    wait(INFO_NOTICE_MS - 1000);
    fireEvent.mouseEnter(screen.getByTestId('notice'));
    wait(INFO_NOTICE_MS * 3);
    expect(shown()).toContain('Read me');
    fireEvent.mouseLeave(screen.getByTestId('notice'));
    wait(INFO_NOTICE_MS - 100);
    expect(shown()).toContain('Read me');
    wait(200);
    expect(shown()).toBeNull();
  });

  it('the focus in it keeps it (its × button); it leaves after the focus does', async () => {
    const { say, wait, shown } = await mount();
    say({ kind: 'info', text: 'Focus me' });
    const close = screen.getByRole('button', { name: 'Dismiss' });
    act(() => close.focus());
    wait(INFO_NOTICE_MS * 3);
    expect(shown()).toContain('Focus me');
    act(() => close.blur());
    wait(INFO_NOTICE_MS + 100);
    expect(shown()).toBeNull();
  });
});
