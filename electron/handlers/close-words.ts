import { translator } from '../../shared/i18n/intl';
import { directionOf } from '../../shared/i18n/languages';

// The close-with-unsaved-changes question in the app's language (issue 11), the buttons in the order the close guard
// reads the answer: Save, Don't Save, Cancel (handlers/close.ts).

export interface UnsavedWords {
  buttons: [save: string, discard: string, cancel: string];
  message: string;
  detail: string;
}

export function unsavedWords(lang: string, name: string): UnsavedWords {
  const t = translator(lang || 'en');
  return {
    buttons: [t('app.i18n.close.save'), t('app.i18n.close.discard'), t('app.i18n.close.cancel')],
    // The file name isolated (FSI…PDI) inside Arabic and Persian text, so budget.json reads as it is written.
    message: t('app.i18n.close.message', { name: directionOf(lang) === 'rtl' ? `\u2068${name}\u2069` : name }),
    detail: t('app.i18n.close.detail'),
  };
}
