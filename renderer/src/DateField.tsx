import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { datePattern, formatDate, parseDateInput, type DateFormat, type Parsed } from '../../shared/edit/input';
import { useT, type T } from './i18n';
import { readDateText, useLocale } from './locale';
import './DateField.css';

// The one date field of the app (R25): shown and typed in the user's format (ISO in English, 31.12.2026 in German),
// ISO always accepted, never a guess, a year outside 1900–2200 refused, the message next to the field. A text
// field, not the browser's date input, which shows mm/dd/yyyy whatever the app's format and reads 31122026 as 2202.
// Keys: Enter commits, Escape goes back to the value shown, Tab (leaving) commits.
//
// Two ways to use it: DateField commits a date at once (a member's accession, the "as of" date); DateText holds the
// text of a form's date, checked when the field is left and read by the form on submit with readDateText.

interface Common {
  testId?: string;
  /** Where the field has no visible label of its own. */
  ariaLabel?: string;
  title?: string;
  /** Empty is allowed and means "no date". */
  optional?: boolean;
  disabled?: boolean;
}

/** DD.MM.YYYY with the letters the language uses (JJ/MM/AAAA in French, AAAA-MM-JJ for ISO): one pass, so a
 * language's letters are never read as another field's (Russian ММ is not Latin MM, but a catalog could be). */
function patternIn(t: T, f: DateFormat): string {
  // A right-to-left word (سال, يوم) ends with a left-to-right mark: the words then stand in the order of the digits
  // they name (۲۰۲۶/۱۲/۳۱ reads year first from the left), not reversed as one right-to-left run.
  const word = (id: string) => {
    const w = t(id);
    return /[\u0590-\u08ff]/.test(w) ? `${w}\u200e` : w;
  };
  const letters: Record<string, string> = {
    DD: word('app.date.dd'),
    MM: word('app.date.mm'),
    YYYY: word('app.date.yyyy'),
  };
  return datePattern(f).replace(/YYYY|MM|DD/g, (k) => letters[k]);
}

/** The pattern the date fields show as their placeholder, in the user's language (a grid's new-row hint too). */
export function useDatePattern(): string {
  const t = useT();
  const { date } = useLocale();
  return useMemo(() => patternIn(t, date), [t, date]);
}

/** A date's refusal in the user's language, naming the pattern as the field's placeholder writes it. */
function useRefusal() {
  const t = useT();
  const { date } = useLocale();
  return useCallback(
    (p: Parsed): string | null => {
      if (p.ok) return null;
      if (!p.msg) return p.message;
      const values =
        p.msg.values && 'pattern' in p.msg.values ? { ...p.msg.values, pattern: patternIn(t, date) } : p.msg.values;
      return t(p.msg.id, values);
    },
    [t, date],
  );
}

function Shell(
  p: Common & {
    text: string;
    error: string | null;
    onText(t: string): void;
    onEnter(e: React.KeyboardEvent): void;
    onEscape(e: React.KeyboardEvent): void;
    onLeave(): void;
    onFocus?(): void;
  },
) {
  const { date } = useLocale();
  const t = useT();
  const pattern = patternIn(t, date);
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={11}
        data-testid={p.testId}
        aria-label={p.ariaLabel}
        aria-invalid={p.error !== null}
        title={p.title ?? t('app.date.title', { pattern })}
        placeholder={pattern}
        disabled={p.disabled}
        value={p.text}
        onChange={(e) => p.onText(e.target.value)}
        onFocus={p.onFocus}
        onBlur={p.onLeave}
        onKeyDown={(e) => {
          if (e.key === 'Enter') p.onEnter(e);
          else if (e.key === 'Escape') p.onEscape(e);
        }}
      />
      {p.error && (
        <span className="cell-error" role="alert" data-testid={p.testId ? `${p.testId}-error` : undefined}>
          {p.error}
        </span>
      )}
    </span>
  );
}

/** A date committed when typed (Enter or leaving the field): `commit` returns the refusal to show, or null. */
export function DateField(
  props: Common & { value: string | undefined; commit(iso: string | undefined): string | null },
) {
  const { date } = useLocale();
  const shown = props.value ? formatDate(props.value, date) : '';
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusal();
  // The workbook's value changed (undo, another member) or the format did: the field shows it.
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);

  /** True when the text was taken (or was the value already). */
  const commit = (): boolean => {
    if (text === shown) {
      setError(null);
      return true;
    }
    const p = readDateText(text, date, props.optional ?? false);
    if (!p.ok) {
      setError(refusal(p));
      return false;
    }
    const iso = p.value || undefined;
    if (iso === props.value) {
      setText(shown);
      setError(null);
      return true;
    }
    // Synchronously: a form around the field sees the new value when Enter goes on to submit it.
    const out = { refused: null as string | null };
    flushSync(() => {
      out.refused = props.commit(iso);
      setError(out.refused);
      if (!out.refused && iso) setText(formatDate(iso, date));
    });
    return out.refused === null;
  };

  return (
    <Shell
      {...props}
      text={text}
      error={error}
      onText={(t) => {
        setText(t);
        setError(null);
      }}
      onEnter={(e) => {
        if (!commit()) e.preventDefault();
      }}
      onEscape={(e) => {
        if (text === shown && !error) return;
        e.stopPropagation();
        setText(shown);
        setError(null);
      }}
      onLeave={() => void commit()}
    />
  );
}

/**
 * A form's date as typed: checked (and the refusal shown) when the field is left or Enter is pressed; a refused one
 * does not submit the form. The form reads it on submit with readDateText (see useDateReader).
 */
export function DateText(props: Common & { text: string; onText(text: string): void }) {
  const { date } = useLocale();
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusal();
  const before = useRef(props.text);
  // Cleared from outside (the form reset after recording): no refusal left beside an empty field.
  useEffect(() => {
    if (props.text === '') setError(null);
  }, [props.text]);
  const check = (): boolean => {
    const p = readDateText(props.text, date, props.optional ?? true);
    setError(refusal(p));
    if (p.ok && p.value) props.onText(formatDate(p.value, date)); // 5.3.2026 is shown as 05.03.2026
    return p.ok;
  };
  return (
    <Shell
      {...props}
      text={props.text}
      error={error}
      onFocus={() => {
        before.current = props.text;
      }}
      onText={(t) => {
        props.onText(t);
        setError(null);
      }}
      onEnter={(e) => {
        if (!check()) e.preventDefault();
      }}
      onEscape={(e) => {
        if (props.text === before.current && !error) return;
        e.stopPropagation();
        props.onText(before.current);
        setError(null);
      }}
      onLeave={() => {
        // Leaving an empty field is not a refusal: the form says what it needs when it is submitted.
        if (props.text.trim() !== '') check();
      }}
    />
  );
}

/** The form's side of DateText: the locale's format, to show an ISO date as text and read the text back to ISO. */
export function useDateReader() {
  const { date } = useLocale();
  const refusal = useRefusal();
  // A refusal's message is in the user's language (its Message stays beside it).
  const said = useCallback((p: Parsed): Parsed => (p.ok ? p : { ...p, message: refusal(p) ?? p.message }), [refusal]);
  // One object per format: grids take `show` into their column definitions, rebuilt only when it changes.
  return useMemo(
    () => ({
      /** ISO (from the workbook) → the text the field shows. */
      show: (iso: string | null | undefined) => (iso ? formatDate(iso, date) : ''),
      /** The text typed → ISO ('' when optional and empty), or the refusal. */
      read: (text: string, optional = true) => said(readDateText(text, date, optional)),
      parse: (text: string) => said(parseDateInput(text, date)),
    }),
    [date, said],
  );
}
