import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { classOfLetter } from '../../../shared/i18n/classes';
import { translator } from '../../../shared/i18n/intl';
import { getLocale } from '../locale';
import { commitAndMove, commitsOnArrow, startsInEnterMode } from './TextEditor';
import { classCandidates } from './typeahead';

let lists = 0;

/**
 * The class cell's editor: type-ahead over the scheme's classes (R1). Typing lists the classes that start with what
 * was typed (any case: `vi` finds VI first, then VIbis, VII, VIII); ↑ ↓ move through them; Enter or Tab takes the one
 * marked, a click takes the one clicked. Opened by F2, Enter or a double-click it lists every class, the current one
 * marked. Text that names no class goes to the command as typed, which refuses it with the reason.
 */
export class ClassEditor implements ICellEditorComp {
  private params!: ICellEditorParams;
  private gui!: HTMLDivElement;
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private classes: string[] = [];
  private shown: string[] = [];
  private active = -1;
  private startedByKey = false;
  /** Excel's "enter" mode (the edit began by typing or Tab): ← → take the class and move to the next cell. */
  private enterMode = false;
  private say!: ReturnType<typeof translator>;
  /** The class as the user's language names it (ألف for A in Arabic); the code is what is stored. */
  private label: (code: string) => string = (c) => c;
  private scheme: string | undefined;
  /** What the list says when nothing starts with the text typed (a list of other things than classes names them). */
  private none?: (text: string) => string;

  init(
    params: ICellEditorParams & {
      values?: string[];
      label?: (code: string) => string;
      scheme?: string;
      none?: (text: string) => string;
    },
  ): void {
    this.params = params;
    this.classes = params.values ?? [];
    if (params.label) this.label = params.label;
    this.scheme = params.scheme;
    this.none = params.none;
    // Not a React component: the user's language is read from the locale store.
    this.say = translator(getLocale().id);
    const key = params.eventKey;
    this.startedByKey = key != null && key.length === 1;
    this.enterMode = startsInEnterMode(key);

    const gui = document.createElement('div');
    gui.className = 'cc-class-editor';
    gui.style.width = `${Math.max(params.eGridCell.offsetWidth, 96)}px`;
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'ag-input-field-input ag-text-field-input cc-text-editor';
    input.autocomplete = 'off';
    input.style.height = `${params.eGridCell.offsetHeight}px`;
    const listId = `cc-class-list-${++lists}`;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', listId);
    input.setAttribute(
      'aria-label',
      this.say('members.grid.editing', {
        column: params.column.getColDef().headerName ?? params.column.getColId(),
      }),
    );
    input.value = this.startedByKey
      ? key!
      : key === 'Backspace' || key === 'Delete'
        ? ''
        : params.value
          ? this.label(String(params.value))
          : '';
    const list = document.createElement('ul');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    // AG Grid's own list look (border, shadow, background in every theme).
    list.className = 'ag-select-list cc-class-list';
    // Styled here: the editor is the grid's, drawn in its popup layer, and needs no stylesheet of its own.
    Object.assign(list.style, { listStyle: 'none', margin: '0', padding: '2px 0', maxHeight: '220px' });
    // A click on the list keeps the focus in the input (the grid would otherwise end the edit first).
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-class]');
      if (!item) return;
      this.active = this.shown.indexOf(item.dataset.class!);
      this.params.stopEditing(true);
    });
    input.addEventListener('input', () => this.update(true));
    input.addEventListener('mousedown', () => (this.enterMode = false));
    input.addEventListener('keydown', (e) => this.onKeyDown(e));
    gui.append(input, list);
    this.gui = gui;
    this.input = input;
    this.list = list;
    this.update(this.startedByKey || key === 'Backspace' || key === 'Delete');
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // ↑ ↓ choose among the classes listed; the grid does not move while the list is open.
      e.preventDefault();
      e.stopPropagation();
      if (this.shown.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = this.active < 0 ? 0 : Math.min(this.shown.length - 1, Math.max(0, this.active + step));
      this.mark();
    } else if (e.key === 'F2') {
      this.enterMode = false;
    } else if (commitsOnArrow(e, this.enterMode)) commitAndMove(this.params, e);
  }

  /** Lists the candidates: for what was typed, or every class (the current one marked) when the edit just opened. */
  private update(typed: boolean): void {
    const text = this.input.value;
    this.shown = typed ? this.candidates(text) : [...this.classes];
    this.active = typed ? (this.shown.length > 0 ? 0 : -1) : this.shown.indexOf(String(this.params.value ?? ''));
    this.list.replaceChildren(
      ...this.shown.map((c, i) => {
        const li = document.createElement('li');
        li.id = `${this.list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.className = 'ag-select-list-item cc-class-option';
        li.dataset.class = c;
        li.textContent = this.label(c);
        li.style.padding = '3px 8px';
        return li;
      }),
    );
    if (this.shown.length === 0 && text.trim() !== '') {
      const li = document.createElement('li');
      li.className = 'cc-class-none';
      Object.assign(li.style, { padding: '3px 8px', whiteSpace: 'normal', color: 'var(--ag-invalid-color, #b00020)' });
      li.textContent = this.none?.(text.trim()) ?? this.say('members.grid.noClassStarts', { text: text.trim() });
      this.list.append(li);
    }
    this.mark();
  }

  /** By code (vi → VI) or by the name the language gives it (ب → باء → B), codes once each, in that order. */
  private candidates(text: string): string[] {
    const labels = this.classes.map((c) => this.label(c));
    const byLabel = classCandidates(labels, text).map((l) => this.classes[labels.indexOf(l)]);
    const letter = classOfLetter(this.scheme, text);
    return [...new Set([...(letter ? [letter] : []), ...classCandidates(this.classes, text), ...byLabel])];
  }

  private mark(): void {
    this.list.querySelectorAll<HTMLElement>('[role=option]').forEach((li, i) => {
      const on = i === this.active;
      li.setAttribute('aria-selected', String(on));
      li.classList.toggle('cc-class-active', on);
      li.style.background = on ? 'var(--ag-selected-row-background-color, #dbe9ff)' : '';
      li.style.fontWeight = on ? '600' : '';
      if (on) li.scrollIntoView?.({ block: 'nearest' });
    });
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.input.focus();
    if (this.startedByKey) {
      const end = this.input.value.length;
      this.input.setSelectionRange(end, end);
    } else this.input.select();
  }

  /** The class marked; text that names none goes to the command as typed (it says why not); nothing: ''. */
  getValue(): string {
    const text = this.input.value.trim();
    if (text === '') return '';
    return this.active >= 0 ? this.shown[this.active] : (classOfLetter(this.scheme, text) ?? text);
  }

  isPopup(): boolean {
    return true;
  }

  getPopupPosition(): 'over' {
    return 'over';
  }
}
