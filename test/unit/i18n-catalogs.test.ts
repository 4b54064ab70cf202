import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACES } from '../../shared/i18n/catalogs';
import { LANGS } from '../../shared/i18n/languages';
import { msg, say, translator } from '../../shared/i18n/intl';

/** The argument names a message uses, nested plurals and selects included. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if ('value' in e && typeof e.value === 'string') out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const o of Object.values(e.options)) argumentsOf(o.value, out);
    if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

describe('the message catalogs (issue 11)', () => {
  for (const ns of NAMESPACES) {
    const en = CATALOGS.en[ns] as Record<string, string>;
    it(`${ns}: ids carry their area's prefix and every English message is valid ICU`, () => {
      for (const [id, text] of Object.entries(en)) {
        expect(id.startsWith(`${ns}.`), `${id} in ${ns}.json`).toBe(true);
        expect(() => parse(text), id).not.toThrow();
      }
    });
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      it(`${lang}/${ns}.json has every id of en/${ns}.json, no other, with the same arguments`, () => {
        const other = CATALOGS[lang][ns] as Record<string, string>;
        expect(
          Object.keys(other).filter((k) => !(k in en)),
          `ids in ${lang}/${ns}.json that English lacks`,
        ).toEqual([]);
        expect(
          Object.keys(en).filter((k) => !(k in other)),
          `ids missing from ${lang}/${ns}.json`,
        ).toEqual([]);
        for (const [id, text] of Object.entries(other)) {
          let ast: MessageFormatElement[] = [];
          expect(() => (ast = parse(text)), `${lang} ${id}`).not.toThrow();
          expect([...argumentsOf(ast)].sort(), `${lang} ${id}`).toEqual([...argumentsOf(parse(en[id]))].sort());
        }
      });
    }
  }

  it('an id is found in one area only', () => {
    const seen = new Map<string, string>();
    for (const ns of NAMESPACES)
      for (const id of Object.keys(CATALOGS.en[ns])) {
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, ns);
      }
  });

  it('the pseudo-locale wraps every message, so text outside the catalog stands out', () => {
    const ids = NAMESPACES.flatMap((ns) => Object.keys(CATALOGS.en[ns]));
    if (ids.length === 0) return;
    const t = translator('en-XA');
    expect(t(ids[0], {})).toMatch(/^⟦[\s\S]*⟧$/);
    expect(say(msg(ids[0]), 'en')).not.toMatch(/⟦/);
  });
});
