import { useCallback, useMemo, useState } from 'react';
import { removeMember } from '../../shared/edit';
import {
  applyMembersImport,
  membersImportRows,
  previewMembersImport,
  type MembersImportArgs,
} from '../../shared/edit/import-preview';
import { msg } from '../../shared/i18n/intl';
import type { Message } from '../../shared/i18n/intl';
import type { MenuCommand } from '../../shared/ipc/contract';
import { readMembers } from '../../shared/model/members-csv';
import { useOpenDocument } from './document/DocumentProvider';
import { ExportMenu } from './export/ExportMenu';
import { MembersImportPreview } from './import/ImportPreview';
import { isSheet, readTable } from './import/readTable';
import { useSay, useT } from './i18n';
import { LanguageMenu } from './LocaleChoice';
import { HistoryButton } from './merge/HistoryPanel';
import { defaultYear, useWorkspace } from './workspace';

/** R25 members from a CSV, TSV or XLSX file (its first sheet): previewed, then applied whole as one undoable step. */
function useMembersImport() {
  const { doc, run, notify } = useOpenDocument();
  const { budget, classes, year } = useWorkspace();
  const workbook = doc.workbook;
  const t = useT();
  const [memberImport, setMemberImport] = useState<{
    file: string;
    where: string;
    what: 'class' | 'weight';
    notices: string[];
    args: MembersImportArgs;
  } | null>(null);
  const preview = useMemo(
    () => (memberImport ? previewMembersImport(workbook, memberImport.args) : null),
    [memberImport, workbook],
  );
  const importFile = useCallback(
    async (file: File) => {
      if (!budget) return;
      let table;
      try {
        table = await readTable(file, { comments: true });
      } catch (e) {
        return notify({
          kind: 'error',
          text: msg('members.import.unreadable', {
            file: file.name,
            sheet: isSheet(file.name) ? 'yes' : 'no',
            error: (e as Error).message,
          }),
        });
      }
      const what = classes ? 'class' : 'weight';
      const read = readMembers(table, what);
      setMemberImport({
        file: file.name,
        where: t('members.import.where2', { budget: budget.name, year: String(year) }),
        what,
        notices: read.notices,
        args: { budget: budget.id, year, ...membersImportRows(read) },
      });
    },
    [budget, classes, year, notify, t],
  );
  const apply = useCallback(() => {
    if (!memberImport) return;
    const o = run((wb) => applyMembersImport(wb, memberImport.args));
    setMemberImport(null);
    if (!o.ok)
      notify({
        kind: 'error',
        text: msg('members.import.nothingImported', { file: memberImport.file }),
        problems: o.problems,
      });
  }, [memberImport, run, notify]);
  const dialog =
    memberImport && preview ? (
      <MembersImportPreview
        {...memberImport}
        preview={preview}
        keepNames={memberImport.args.keepNames === true}
        onKeepNames={(keepNames) => setMemberImport({ ...memberImport, args: { ...memberImport.args, keepNames } })}
        onApply={apply}
        onCancel={() => setMemberImport(null)}
      />
    ) : null;
  return { importFile, dialog };
}

/** The toolbar: file, export, undo, the budget and year shown, member actions; the import preview it opens. */
export function Toolbar({ menu, showKeys }: { menu(c: MenuCommand): void; showKeys(): void }) {
  const { doc, dirty, recent, openExample, step, runExport, run, notify } = useOpenDocument();
  const { budget, year, setYear, years, selectBudget, scenario, inLedger, notHere, focusedCode, setAdding } =
    useWorkspace();
  const { importFile, dialog } = useMembersImport();
  const t = useT();
  const say = useSay();
  // An undo step's label in the user's language (its Message), English when it has none.
  const stepTitle = (s?: { label: string; msg?: Message }) => (s ? (s.msg ? say(s.msg) : s.label) : undefined);
  if (!budget) return null;
  return (
    <>
      <header className="toolbar" role="toolbar">
        <strong className="title" data-testid="doc-title">
          {dirty ? '● ' : ''}
          {doc.file?.name ?? t('app.toolbar.untitled')}
        </strong>
        <button onClick={() => menu('new')}>{t('app.toolbar.new')}</button>
        <button onClick={() => menu('open')} data-testid="open">
          {t('app.toolbar.open')}
        </button>
        <button onClick={() => void openExample()}>{t('app.toolbar.example')}</button>
        {recent.length > 0 && (
          <select
            aria-label={t('app.toolbar.openRecent')}
            value=""
            onChange={(e) => e.target.value && menu({ openRecent: e.target.value })}
          >
            <option value="">{t('app.toolbar.recent')}</option>
            {recent.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        )}
        <button
          onClick={() => menu('save')}
          data-testid="save"
          disabled={Boolean(doc.lockedBy)}
          title={doc.lockedBy ? t('merge.readOnly.saveTitle') : undefined}
        >
          {t('app.toolbar.save')}
        </button>
        <button onClick={() => menu('saveAs')}>{t('app.toolbar.saveAs')}</button>
        <ExportMenu onExport={(kind) => void runExport(kind)} />
        <span className="sep" />
        <button
          onClick={() => step('undo')}
          disabled={doc.history.undo.length === 0}
          title={stepTitle(doc.history.undo.at(-1))}
          data-testid="undo"
        >
          {t('app.toolbar.undo')}
        </button>
        <button
          onClick={() => step('redo')}
          disabled={doc.history.redo.length === 0}
          title={stepTitle(doc.history.redo.at(-1))}
          data-testid="redo"
        >
          {t('app.toolbar.redo')}
        </button>
        <HistoryButton />
        <span className="sep" />
        <label>
          {t('app.toolbar.budget')}{' '}
          <select
            data-testid="budget-select"
            value={budget.id}
            disabled={inLedger}
            title={notHere}
            onChange={(e) => {
              // A budget that starts later (or ends earlier) than the year shown: show one of its own years.
              const ys = doc.workbook.budgets.find((b) => b.id === e.target.value)?.years.map((y) => y.year) ?? [];
              selectBudget(
                e.target.value,
                ys.length > 0 && (year < Math.min(...ys) || year > Math.max(...ys) + 1) ? defaultYear(ys) : undefined,
              );
            }}
          >
            {doc.workbook.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.toolbar.year')}{' '}
          <select
            data-testid="year-select"
            value={year}
            disabled={inLedger}
            title={notHere}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="sep" />
        <button
          onClick={() => setAdding((a) => !a)}
          disabled={Boolean(scenario) || inLedger}
          title={notHere}
          data-testid="add-member"
        >
          {t('app.toolbar.addMember')}
        </button>
        <label
          className={scenario || inLedger ? 'button disabled' : 'button'}
          title={notHere}
          data-testid="import-button"
        >
          {t('app.toolbar.import')}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            disabled={Boolean(scenario) || inLedger}
            data-testid="import-csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        <button
          disabled={!focusedCode || Boolean(scenario) || inLedger}
          title={notHere}
          data-testid="remove-member"
          onClick={() => {
            const code = focusedCode;
            if (code) {
              const o = run((wb) => removeMember(wb, code));
              if (!o.ok) notify({ kind: 'error', text: o.problems[0].msg ?? o.problems[0].message });
            }
          }}
        >
          {focusedCode ? t('app.toolbar.removeCode', { code: focusedCode }) : t('app.toolbar.removeMember')}
        </button>
        <span className="sep" />
        <LanguageMenu />
        <button
          onClick={showKeys}
          title={t('app.toolbar.shortcutsTitle')}
          aria-label={t('app.toolbar.shortcuts')}
          data-testid="shortcuts-open"
        >
          ?
        </button>
      </header>
      {dialog}
    </>
  );
}
