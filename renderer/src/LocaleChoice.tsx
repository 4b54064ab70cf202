import { formatDate } from '../../shared/edit/input';
import { LOCALES, setLocale, useLocale } from './locale';

/** The user's number and date format (R25): a preference of this computer, not of the workbook. */
export function LocaleChoice() {
  const locale = useLocale();
  return (
    <label className="field">
      <span>Number and date format (this computer, not the workbook)</span>
      <select data-testid="locale-select" value={locale.id} onChange={(e) => setLocale(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}: {formatDate('2026-12-31', l.date)}
          </option>
        ))}
      </select>
    </label>
  );
}
