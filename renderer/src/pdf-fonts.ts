import { embedFonts, parseFontFaces, parseUnicodeRange, type FontFile } from '../../shared/export/print-fonts';
import { loadLanguageFont } from './fonts';

// The PDF's Arabic and Chinese fonts (issue 11): the app's stylesheet already carries the Noto faces bundled from
// npm (styles.css imports @fontsource); their files are read from the app itself and embedded in the print layout,
// so the PDF is right on a machine without those fonts. Nothing is fetched from outside the app.

const BUNDLED = new Set(['Noto Sans Arabic', 'Noto Sans SC']);

/**
 * The Arabic subset's characters, as @fontsource's 400.css declares them. styles.css imports arabic-400.css, whose
 * face declares no range: read as covering everything, it was chosen for the Chinese characters too, and a Chinese
 * PDF got the Arabic face instead of the Chinese one (empty boxes on a machine without Chinese fonts).
 */
const ARABIC_SUBSET = parseUnicodeRange(
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+1EE00-1EEFF',
);

/** The bundled faces as the page's stylesheets declare them, their files as absolute URLs of the app. */
function bundledFaces(): FontFile[] {
  const out: FontFile[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a stylesheet of another origin cannot be read
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      for (const f of parseFontFaces(rule.cssText)) {
        if (BUNDLED.has(f.family))
          out.push({
            ...f,
            ranges: f.ranges ?? (f.family === 'Noto Sans Arabic' ? ARABIC_SUBSET : null),
            file: f.file.startsWith('data:') ? f.file : new URL(f.file, sheet.href ?? document.baseURI).href,
          });
      }
    }
  }
  return out;
}

async function read(file: string): Promise<Uint8Array> {
  if (file.startsWith('data:')) return Uint8Array.from(atob(file.slice(file.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const r = await fetch(file);
  if (!r.ok) throw new Error(`${file}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/**
 * The print layout with the Arabic and Chinese faces it needs embedded; unchanged when it needs none or on failure.
 * The language's face is loaded first (a PDF asked for right after the language was switched, issue 11).
 */
export async function withPdfFonts(html: string, locale?: string): Promise<string> {
  if (locale) await loadLanguageFont(locale);
  try {
    return await embedFonts(html, bundledFaces(), read);
  } catch {
    return html;
  }
}
