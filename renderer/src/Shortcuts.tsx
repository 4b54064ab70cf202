import { useEffect, useRef } from 'react';
import { formatDate, type DateFormat } from '../../shared/edit/input';
import { useT, type T } from './i18n';
import { useLocale } from './locale';

// Help → Keyboard Shortcuts (F1): what the app answers to. A modal <dialog>: Escape closes it, focus stays inside.

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

function groups(desktop: boolean, t: T, date: DateFormat): [string, [string, string][]][] {
  // Key names as the language's keyboards print them (Maj and Entrée in French, Mayús and Intro in Spanish), as the
  // catalog's own sentences name them; ⌘ on a Mac.
  const MOD = MAC ? '⌘' : t('app.key.ctrl');
  const [Shift, Alt, Enter, Tab, Delete, Backspace, Escape] = (
    ['shift', 'alt', 'enter', 'tab', 'delete', 'backspace', 'escape'] as const
  ).map((k) => t(`app.key.${k}`));
  return [
    [
      t('app.keys.files'),
      [
        ...(desktop ? ([[`${MOD}+N`, t('app.keys.new')]] as [string, string][]) : []),
        [`${MOD}+O`, t('app.keys.open')],
        [`${MOD}+S`, desktop ? t('app.keys.saveDesktop') : t('app.keys.saveBrowser')],
        [`${MOD}+${Shift}+S`, t('app.keys.saveAs')],
        ...(desktop
          ? ([
              [`${MOD}+E`, t('app.keys.exportCsv')],
              [`${MOD}+${Shift}+E`, t('app.keys.exportXlsx')],
            ] as [string, string][])
          : []),
        [`${MOD}+P`, desktop ? t('app.keys.exportPdf') : t('app.keys.print')],
      ],
    ],
    [
      t('app.keys.editing'),
      [
        [`${MOD}+Z`, t('app.keys.undo')],
        [`${MOD}+${Shift}+Z, ${MOD}+Y`, t('app.keys.redo')],
        [Enter, t('app.keys.down')],
        [`${Tab}, ${Shift}+${Tab}`, t('app.keys.across')],
        [t('app.keys.editKeys'), t('app.keys.edit')],
        [t('app.keys.typeArrowKeys'), t('app.keys.typeArrow')],
        [`vi, ${Enter}`, t('app.keys.classType')],
        [`${Delete}, ${Backspace}`, t('app.keys.clear')],
        [Escape, t('app.keys.cancel')],
        [
          t('app.keys.dateKeys', {
            example: formatDate('2026-12-31', date) === '2026-12-31' ? '31.12.2026' : formatDate('2026-12-31', date),
          }),
          t('app.keys.date'),
        ],
        ['=+500, =−500', t('app.keys.adjust')],
        [t('app.keys.rangeKeys'), t('app.keys.range')],
        [`${MOD}+C`, t('app.keys.copy')],
        [`${MOD}+V`, t('app.keys.pasteBlock')],
        [`${MOD}+V`, t('app.keys.paste')],
        [`${MOD}+D`, t('app.keys.fillDown')],
      ],
    ],
    [
      t('app.keys.views'),
      [
        [`${Alt}+1 … ${Alt}+7`, t('app.keys.tabs')],
        [`${MOD}+F`, t('app.keys.find')],
        [t('app.keys.sortKeys'), t('app.keys.sort')],
        ['← →', t('app.keys.tabMove')],
        ['F1', t('app.keys.thisList')],
      ],
    ],
  ];
}

export function Shortcuts({ desktop, onClose }: { desktop: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  const { date } = useLocale();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="shortcuts" data-testid="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('app.toolbar.shortcuts')}</h2>
      {groups(desktop, t, date).map(([title, rows]) => (
        <section key={title}>
          <h3>{title}</h3>
          <table>
            <tbody>
              {rows.map(([keys, what]) => (
                <tr key={`${keys} ${what}`}>
                  <th scope="row">
                    {/* Keys and formulas read left to right in every language (=+500, Ctrl+Shift+Z). */}
                    <kbd dir="ltr">{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <form method="dialog">
        <button autoFocus>{t('app.keys.close')}</button>
      </form>
    </dialog>
  );
}
