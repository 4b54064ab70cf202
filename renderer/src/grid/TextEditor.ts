import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { translator } from '../../../shared/i18n/intl';
import { getLocale } from '../locale';

/**
 * Excel's "enter" mode: an edit begun by typing is taken by an arrow key, and the grid moves on with that same key
 * (in "edit" mode, after F2 or a click in the text, the arrows move in the text).
 */
export function commitsOnArrow(e: KeyboardEvent, enterMode: boolean): boolean {
  return (
    enterMode &&
    (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowDown') &&
    !e.shiftKey &&
    !e.ctrlKey &&
    !e.altKey &&
    !e.metaKey
  );
}

// The last key pressed, unless the mouse was used since: an editor AG Grid opens on the next cell after Tab gets no
// key of its own (as after a double-click), yet the user is moving along the row, not editing text.
let lastKey: string | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => (lastKey = e.key), true);
  document.addEventListener('mousedown', () => (lastKey = null), true);
}

/** Excel's "enter" mode: the edit began by typing, or by Tab from the cell before; not by F2, Enter or a double-click. */
export function startsInEnterMode(eventKey: string | null | undefined): boolean {
  return (eventKey != null && eventKey.length === 1) || (eventKey == null && lastKey === 'Tab');
}

/**
 * Takes the edit and moves one cell in the arrow's direction (mirrored in right-to-left grids), staying in the rows
 * or the pinned row edited. The grid itself does not move on an arrow pressed while editing.
 */
export function commitAndMove(params: ICellEditorParams, e: KeyboardEvent): void {
  e.preventDefault();
  e.stopPropagation();
  const { api, node, column } = params;
  params.stopEditing(true);
  let row = node.rowIndex ?? 0;
  let col = column;
  if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
    const last = node.rowPinned ? row : api.getDisplayedRowCount() - 1;
    row = Math.max(0, Math.min(last, row + (e.key === 'ArrowDown' ? 1 : -1)));
  } else {
    const cols = api.getAllDisplayedColumns();
    const forward = (e.key === 'ArrowRight') !== Boolean(api.getGridOption('enableRtl'));
    col = cols[cols.indexOf(column) + (forward ? 1 : -1)] ?? column;
  }
  if (!node.rowPinned) api.ensureIndexVisible(row);
  api.ensureColumnVisible(col);
  api.setFocusedCell(row, col, node.rowPinned ?? null);
}

/**
 * The grids' text editor. AG Grid's own selects the whole text when an editor opened by Tab is attached, a task
 * after it got focus (React path): keys typed in between were selected and then replaced by the next key, so a fast
 * typist lost the start of a cell. This one selects only if nothing has been typed yet.
 */
export class TextEditor implements ICellEditorComp {
  private input!: HTMLInputElement;
  private typed = false;
  private startedByKey = false;
  private enterMode = false;

  init(params: ICellEditorParams): void {
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'ag-input-field-input ag-text-field-input cc-text-editor';
    input.autocomplete = 'off';
    // Not a React component: the user's language is read from the locale store.
    input.setAttribute(
      'aria-label',
      translator(getLocale().id)('members.grid.editing', {
        column: params.column.getColDef().headerName ?? params.column.getColId(),
      }),
    );
    const key = params.eventKey;
    // A printable key that started the edit becomes the text; Backspace or Delete start from empty.
    this.startedByKey = key != null && key.length === 1;
    // A column may show its value in another form than it keeps (a date in the user's format): the editor opens on it.
    const show =
      (params as ICellEditorParams & { show?(v: unknown): string }).show ?? ((v: unknown) => String(v ?? ''));
    input.value = this.startedByKey ? key! : key === 'Backspace' || key === 'Delete' ? '' : show(params.value);
    input.addEventListener('input', () => {
      this.typed = true;
    });
    this.enterMode = startsInEnterMode(key);
    input.addEventListener('mousedown', () => (this.enterMode = false));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'F2') this.enterMode = false;
      else if (commitsOnArrow(e, this.enterMode)) commitAndMove(params, e);
    });
    this.input = input;
  }

  getGui(): HTMLElement {
    return this.input;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  focusIn(): void {
    this.input.focus();
    if (!this.typed && !this.startedByKey) this.input.select();
  }

  getValue(): string {
    return this.input.value;
  }

  isPopup(): boolean {
    return false;
  }
}
