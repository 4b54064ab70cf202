import { describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACES } from '../../shared/i18n/catalogs';
import { LANGS } from '../../shared/i18n/languages';

// Rule ids (R5, R17b) tie our code to DOMAIN.md; users cannot look them up, so no message shows one.
describe('no message shows users a rule id', () => {
  for (const lang of LANGS)
    it(lang, () => {
      const found: string[] = [];
      for (const ns of NAMESPACES)
        for (const [id, text] of Object.entries(CATALOGS[lang][ns] as Record<string, string>))
          if (/\bR\d{1,2}[a-z]?\b/.test(text)) found.push(`${id}: ${text}`);
      expect(found).toEqual([]);
    });
});
