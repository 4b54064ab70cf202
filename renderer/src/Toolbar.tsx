import { useCallback, useMemo, useRef, useState } from 'react';
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
import { OverflowBar, type BarItem } from './layout/OverflowBar';
import { LanguageMenu } from './LocaleChoice';
import { HistoryButton } from './merge/HistoryPanel';
import { defaultYear, useWorkspace } from './workspace';

/** R25 members from a CSV, TSV or XLSX file (its first sheet): previewed, then applied whole as one undoable step. */
function useMembersImport() {
  const { doc, run, notify } = useOpenDocument();
  const { budget, classes, year } = useWorkspace();
  const workbook = doc.workbook;
  const t = useT();
  const say = useSay();
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
        // The reader's notices in the user's language (their messages), its English words when it gives none.
        notices: read.noticeMsgs?.map((m) => say(m)) ?? read.notices,
        args: { budget: budget.id, year, ...membersImportRows(read) },
      });
    },
    [budget, classes, year, notify, t, say],
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
  const fileInput = useRef<HTMLInputElement>(null);
  // An undo step's label in the user's language (its Message), English when it has none.
  const stepTitle = (s?: { label: string; msg?: Message }) => (s ? (s.msg ? say(s.msg) : s.label) : undefined);
  if (!budget) return null;
  const memberActionsOff = Boolean(scenario) || inLedger;
  // Priorities: what goes into the ⋯ menu first when the row is short (lowest first).
  const items: BarItem[] = [
    { key: 'new', priority: 2, node: <button onClick={() => menu('new')}>{t('app.toolbar.new')}</button> },
    {
      key: 'open',
      priority: 7,
      node: (
        <button onClick={() => menu('open')} data-testid="open">
          {t('app.toolbar.open')}
        </button>
      ),
    },
    {
      key: 'example',
      priority: 1,
      node: <button onClick={() => void openExample()}>{t('app.toolbar.example')}</button>,
    },
    ...(recent.length > 0
      ? [
          {
            key: 'recent',
            priority: 1,
            node: (
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
            ),
          },
        ]
      : []),
    {
      key: 'save',
      priority: 9,
      node: (
        <button
          onClick={() => menu('save')}
          data-testid="save"
          disabled={Boolean(doc.lockedBy)}
          title={doc.lockedBy ? t('merge.readOnly.saveTitle') : undefined}
        >
          {t('app.toolbar.save')}
        </button>
      ),
    },
    { key: 'saveAs', priority: 3, node: <button onClick={() => menu('saveAs')}>{t('app.toolbar.saveAs')}</button> },
    { key: 'export', priority: 6, node: <ExportMenu onExport={(kind) => void runExport(kind)} /> },
    {
      key: 'undo',
      priority: 10,
      group: true,
      node: (
        <button
          onClick={() => step('undo')}
          disabled={doc.history.undo.length === 0}
          title={stepTitle(doc.history.undo.at(-1))}
          data-testid="undo"
        >
          {t('app.toolbar.undo')}
        </button>
      ),
    },
    {
      key: 'redo',
      priority: 10,
      node: (
        <button
          onClick={() => step('redo')}
          disabled={doc.history.redo.length === 0}
          title={stepTitle(doc.history.redo.at(-1))}
          data-testid="redo"
        >
          {t('app.toolbar.redo')}
        </button>
      ),
    },
    { key: 'history', priority: 4, node: <HistoryButton /> },
    {
      key: 'budget',
      priority: 9,
      group: true,
      node: (
        <label>
          {t('app.toolbar.budget')}{' '}
          {/* The budgets' names are the workbook's, read in their own direction (an English name in Arabic). */}
          <select
            data-testid="budget-select"
            dir="auto"
            value={budget.id}
            disabled={inLedger}
            title={notHere ?? budget.name}
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
      ),
    },
    {
      key: 'year',
      priority: 9,
      node: (
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
      ),
    },
    {
      key: 'add',
      priority: 5,
      group: true,
      node: (
        <button
          onClick={() => setAdding((a) => !a)}
          disabled={memberActionsOff}
          title={notHere}
          data-testid="add-member"
        >
          {t('app.toolbar.addMember')}
        </button>
      ),
    },
    {
      key: 'import',
      priority: 4,
      node: (
        // A button (reached by Tab, in the row or the menu) that opens the file input's chooser.
        <button
          className={memberActionsOff ? 'button disabled' : 'button'}
          disabled={memberActionsOff}
          title={notHere}
          data-testid="import-button"
          onClick={() => fileInput.current?.click()}
        >
          {t('app.toolbar.import')}
        </button>
      ),
    },
    {
      key: 'remove',
      priority: 5,
      node: (
        <button
          disabled={!focusedCode || memberActionsOff}
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
      ),
    },
    { key: 'language', priority: 2, group: true, node: <LanguageMenu /> },
    {
      key: 'keys',
      priority: 3,
      node: (
        <button
          onClick={showKeys}
          title={t('app.toolbar.shortcutsTitle')}
          aria-label={t('app.toolbar.shortcuts')}
          data-testid="shortcuts-open"
        >
          ?
        </button>
      ),
    },
  ];
  return (
    <>
      <OverflowBar
        items={items}
        label={t('app.layout.toolbar')}
        lead={
          <strong className="title" data-testid="doc-title" title={doc.file?.name}>
            {dirty ? '● ' : ''}
            {doc.file?.name ?? t('app.toolbar.untitled')}
          </strong>
        }
      />
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        disabled={memberActionsOff}
        data-testid="import-csv"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
      {dialog}
    </>
  );
}
