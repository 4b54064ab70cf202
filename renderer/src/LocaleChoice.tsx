import { formatDate } from '../../shared/edit/input';
import { LANGUAGES } from '../../shared/i18n/languages';
import { formatAmount, NUMBER_STYLES, type NumberStyle } from '../../shared/i18n/numbers';
import { useT } from './i18n';
import { LOCALES, setLocale, setNumberFormat, useLocale } from './locale';

/** The language menu of the toolbar: each language named in itself; remembered for this user, not in the workbook. */
export function LanguageMenu() {
  const locale = useLocale();
  const t = useT();
  const current = LANGUAGES.find((l) => locale.id === l.id || locale.id.startsWith(`${l.id}-`))?.id ?? 'en';
  return (
    <select
      aria-label={t('app.language.label')}
      title={t('app.language.label')}
      data-testid="language-select"
      value={current}
      onChange={(e) => void setLocale(e.target.value)}
    >
      {LANGUAGES.map((l) => (
        <option key={l.id} value={l.id} lang={l.id} dir={l.dir}>
          {l.name}
        </option>
      ))}
    </select>
  );
}

const SAMPLE = '1234567.50';

/** The user's number and date format (R25): a preference of this computer, not of the workbook. */
export function LocaleChoice() {
  const locale = useLocale();
  const t = useT();
  const rtlDigits = /^(ar|fa)/.test(locale.id);
  return (
    <>
      <label className="field">
        <span>{t('app.format.label')}</span>
        <select data-testid="locale-select" value={locale.id} onChange={(e) => void setLocale(e.target.value)}>
          {LOCALES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}: {formatDate('2026-12-31', l.date)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('app.format.numbers')}</span>
        <select
          data-testid="number-style"
          value={locale.number.style}
          onChange={(e) => setNumberFormat(e.target.value as NumberStyle, locale.number.nativeDigits === true)}
        >
          {NUMBER_STYLES.map((s) => (
            <option key={s} value={s}>
              {s === 'locale'
                ? t('app.format.numbersLocale', {
                    example: formatAmount(SAMPLE, { ...locale.number, style: 'locale' }),
                  })
                : formatAmount(SAMPLE, { ...locale.number, style: s })}
            </option>
          ))}
        </select>
      </label>
      {rtlDigits && (
        <label className="field check">
          <input
            type="checkbox"
            checked={locale.number.nativeDigits === true}
            onChange={(e) => setNumberFormat(locale.number.style, e.target.checked)}
          />{' '}
          {t('app.format.nativeDigits')}
        </label>
      )}
    </>
  );
}
