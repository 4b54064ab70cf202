import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuItem } from '../../electron/menu';
import { LANGS } from '../../shared/i18n/languages';

// Issue 11: the native menus follow the app's language (the renderer says which through setDocumentState).

const template = (lang?: string) =>
  menuTemplate({
    send: () => {},
    recent: [{ id: '/tmp/budget.json', name: 'budget.json' }],
    devTools: false,
    isMac: false,
    lang,
  });

/** Every label of the template, by depth-first order (the recent files' names left out: they are file names). */
function labels(items: MenuItem[], out: string[] = []): string[] {
  for (const i of items) {
    if (i.label && i.label !== 'budget.json') out.push(i.label);
    if (i.submenu) labels(i.submenu, out);
  }
  return out;
}

describe('the menus in the app’s language', () => {
  it('in French the menus and their items have French labels; commands and shortcuts are unchanged', () => {
    const fr = template('fr');
    expect(fr.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    const file = fr[0].submenu!;
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Nouveau',
      'Ouvrir…',
      'Ouvrir un fichier récent',
      'separator',
      'Enregistrer',
      'Enregistrer sous…',
      'Exporter',
      'separator',
      'quit',
    ]);
    expect(file[6].submenu!.map((i) => [i.label, i.accelerator])).toEqual([
      ['Exporter en CSV…', 'CmdOrCtrl+E'],
      ['Exporter en XLSX…', 'CmdOrCtrl+Shift+E'],
      ['Exporter en PDF…', 'CmdOrCtrl+P'],
    ]);
    expect(fr[1].submenu!.slice(0, 2).map((i) => i.label)).toEqual(['Annuler', 'Rétablir']);
    expect(fr[3].submenu!.map((i) => i.label)).toEqual(['Raccourcis clavier', 'À propos de Contribution Calculator']);
    // The recent file keeps its name.
    expect(file[2].submenu!.map((i) => i.label)).toEqual(['budget.json']);
  });

  it('English stays as it was, and is the default', () => {
    expect(template().map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(template('en'))).toEqual(labels(template()));
    expect(labels(template())).toContain('About Contribution Calculator');
  });

  it('every language labels every item in its own words (no English left but the product name)', () => {
    const english = new Set(labels(template('en')));
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const words = labels(template(lang));
      expect(words).toHaveLength(english.size + 1); // the hidden second Redo repeats a label
      expect(
        words.filter((w) => english.has(w)),
        lang,
      ).toEqual([]);
    }
  });

  it('a locale tag with a region reads its language; an unknown one reads English', () => {
    expect(template('fr-CH')[0].label).toBe('Fichier');
    expect(template('ar')[0].label).toBe('ملف');
    expect(template('de')[0].label).toBe('File');
  });
});
