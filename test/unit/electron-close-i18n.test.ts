import { describe, expect, it } from 'vitest';
import { unsavedWords } from '../../electron/handlers/close-words';
import { LANGS } from '../../shared/i18n/languages';

// Issue 11: closing with unsaved changes asks in the app's language; the answer is read by position (save, discard,
// cancel), so every language gives three buttons in that order.

describe('the close-unsaved question in the app’s language', () => {
  it('English reads as before', () => {
    expect(unsavedWords('en', 'budget.json')).toEqual({
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      message: 'Do you want to save the changes you made to budget.json?',
      detail: 'Your changes will be lost if you don’t save them.',
    });
  });

  it('every language: three different buttons, the file named, no English left', () => {
    const en = unsavedWords('en', 'budget.json');
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const w = unsavedWords(lang, 'budget.json');
      expect(new Set(w.buttons).size, lang).toBe(3);
      expect(w.message, lang).toContain('budget.json');
      w.buttons.forEach((b, i) => expect(b, `${lang} button ${i}`).not.toBe(en.buttons[i]));
      expect(w.detail, lang).not.toBe(en.detail);
    }
    expect(unsavedWords('fr', 'x.json').buttons).toEqual(['Enregistrer', 'Ne pas enregistrer', 'Annuler']);
  });

  it('in Arabic and Persian the file name is isolated, so it reads as written inside right-to-left text', () => {
    expect(unsavedWords('ar', 'budget.json').message).toContain('\u2068budget.json\u2069');
    expect(unsavedWords('fa', 'budget.json').message).toContain('\u2068budget.json\u2069');
    expect(unsavedWords('fr', 'budget.json').message).not.toContain('\u2068');
  });

  it('a language without a catalog (or none given) asks in English', () => {
    expect(unsavedWords('de', 'a.json').buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(unsavedWords('', 'a.json').buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
  });
});
