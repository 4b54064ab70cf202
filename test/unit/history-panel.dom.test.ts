// @vitest-environment happy-dom
// The history dialog groups the steps by day: the latest day open, the others closed; each day's button shows or
// hides its steps and says which (aria-expanded). The provider with a fake platform; the clock set per step.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMember } from '../../shared/edit';
import { DocumentProvider, useDocument, type DocumentStore } from '../../renderer/src/document/DocumentProvider';
import { I18nProvider } from '../../renderer/src/i18n';
import { HistoryButton } from '../../renderer/src/merge/HistoryPanel';
import { quietPlatform } from './dom-platform';

const api = quietPlatform;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('history by day', () => {
  it('three days: the latest open, the others closed; a day opens and closes on its button', async () => {
    const seen: { current: DocumentStore | null } = { current: null };
    function Probe() {
      seen.current = useDocument();
      return null;
    }
    const provider = createElement(DocumentProvider, {
      api,
      children: [createElement(Probe, { key: 'p' }), createElement(HistoryButton, { key: 'h' })],
    });
    render(createElement(I18nProvider, { children: provider }));
    await waitFor(() => expect(seen.current?.doc).not.toBeNull());
    vi.useFakeTimers({ toFake: ['Date'] });
    fireEvent.click(screen.getByTestId('history-open'));
    vi.setSystemTime(new Date(2026, 10, 24, 10));
    fireEvent.click(screen.getByTestId('history-start'));
    const add = (code: string, day: number) => {
      vi.setSystemTime(new Date(2026, 10, day, 12));
      act(
        () =>
          void seen.current!.run((wb) =>
            addMember(wb, { code, name: code, value: 'A', budget: 'conference', year: 2024 }),
          ),
      );
    };
    add('AA', 25);
    add('BB', 26);
    add('CC', 26);
    const days = () => screen.getAllByTestId('history-day');
    expect(days()).toHaveLength(3);
    expect(days().map((d) => d.getAttribute('aria-expanded'))).toEqual(['true', 'false', 'false']);
    expect(days()[0].textContent).toContain('2 changes');
    expect(screen.getAllByTestId('history-entry')).toHaveLength(2); // only the latest day's
    fireEvent.click(days()[2]);
    expect(days()[2].getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('history-entry')).toHaveLength(3);
    fireEvent.click(days()[0]);
    expect(days()[0].getAttribute('aria-expanded')).toBe('false');
    expect(screen.getAllByTestId('history-entry')).toHaveLength(1);
    // A button: Enter and Space toggle it as a click does (the browser's own), and it is reached by Tab.
    expect(days()[0].tagName).toBe('BUTTON');
  });
});
