import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { translator } from '../../../shared/i18n/intl';
import { getLocale } from '../locale';

/**
 * The grids' text editor. AG Grid's own selects the whole text when an editor opened by Tab is attached, a task
 * after it got focus (React path): keys typed in between were selected and then replaced by the next key, so a fast
 * typist lost the start of a cell. This one selects only if nothing has been typed yet.
 */
export class TextEditor implements ICellEditorComp {
  private input!: HTMLInputElement;
  private typed = false;
  private startedByKey = false;

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
