// Fonts embedded in the print layout (issue 11): a PDF in Arabic or Chinese must read right on a machine that has
// no Arabic or Chinese font. The Noto faces come from npm (@fontsource, OFL); the layout gets, as data: URLs, only
// the pieces (unicode-range subsets) that cover a character it uses, so an English PDF carries no font at all and a
// Chinese one a few hundred kilobytes rather than the family's megabytes. Pure: the caller reads the files.

export interface FontFile {
  family: string;
  weight: string;
  style: string;
  /** Code point ranges the face covers; null when the face declares none (it covers everything). */
  ranges: [number, number][] | null;
  /** Where the caller finds the woff2 bytes (a path or a URL, as the stylesheet gave it). */
  file: string;
}

/** The code point ranges of a CSS unicode-range value (U+0600-06FF, U+200C, U+4E??). */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((p) => p.trim().replace(/^U\+/i, ''))
    .filter((p) => p !== '')
    .map((p): [number, number] => {
      if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'f'), 16)];
      const [a, b] = p.split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)];
    });
}

/** The @font-face rules of a stylesheet (as @fontsource writes them): family, weight, style, ranges, woff2 file. */
export function parseFontFaces(css: string): FontFile[] {
  const out: FontFile[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = m[1];
    const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1].trim();
    const family = prop('font-family')?.replace(/^['"]|['"]$/g, '');
    // A woff2 file, or the same inlined as a data: URL (a bundler inlines small files).
    const file = /url\(\s*['"]?((?:data:font\/woff2[^'")]+)|[^'")]+\.woff2(?:\?[^'")]*)?)['"]?\s*\)/i.exec(
      prop('src') ?? '',
    )?.[1];
    if (!family || !file) continue;
    const range = prop('unicode-range');
    out.push({
      family,
      weight: prop('font-weight') ?? '400',
      style: prop('font-style') ?? 'normal',
      ranges: range ? parseUnicodeRange(range) : null,
      file,
    });
  }
  return out;
}

/**
 * The faces a text needs, each with the characters it was chosen for: for each character at or above `from` (by
 * default U+0590, so Latin, Greek and Cyrillic stay with the system's fonts and only Hebrew, Arabic, CJK… pull a
 * face in), the first face covering it. The faces' order is the families' order: Noto Sans SC also covers a few
 * Arabic letters, and is not embedded for an Arabic text.
 */
export function chooseFaces(text: string, faces: readonly FontFile[], from = 0x0590): Map<FontFile, string> {
  const chosen = new Map<FontFile, string>();
  const covers = (f: FontFile, c: number) => f.ranges === null || f.ranges.some(([a, b]) => c >= a && c <= b);
  const seen = new Set<number>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < from || seen.has(c)) continue;
    seen.add(c);
    const f = faces.find((x) => covers(x, c));
    if (f) chosen.set(f, (chosen.get(f) ?? '') + ch);
  }
  return chosen;
}

/** The faces a text needs, in the faces' order (see chooseFaces). */
export function facesFor(text: string, faces: readonly FontFile[], from = 0x0590): FontFile[] {
  const chosen = chooseFaces(text, faces, from);
  return faces.filter((f) => chosen.has(f));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes (no Buffer or btoa: shared/ runs in Node and the browser alike). */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk +=
      B64[(n >> 18) & 63] +
      B64[(n >> 12) & 63] +
      (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? B64[n & 63] : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

// Each embedded piece is a family of its own ('Noto Sans SC', 'Noto Sans SC 2'…), named in the layout's font lists
// in place of EMBEDDED_FONTS. One family of several pieces does not work in Chromium: its fallback picks a piece by
// a run's first character and sends what that piece lacks to the system's fonts (tofu in "组织" when 组 and 织 are
// in two pieces); several families are each tried in turn.
function faceCss(family: string, f: FontFile, bytes: Uint8Array): string {
  return `@font-face { font-family: '${family}'; font-style: ${f.style}; font-weight: ${f.weight}; src: url(data:font/woff2;base64,${base64(bytes)}) format('woff2'); }`;
}

/** Where the print layout's font lists name the bundled families; embedFonts puts the embedded pieces there. */
export const EMBEDDED_FONTS = '"Noto Sans Arabic", "Noto Sans SC"';

/** The text a print layout shows (its tags left out), for choosing faces. */
export function layoutText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/**
 * The print layout with the faces it needs embedded (@font-face rules with data: URLs before </head>). A face that
 * cannot be read is left out (the PDF then falls back to the machine's fonts), never an error.
 *
 * Chromium shapes text once with the fonts it has at that moment and keeps the result: text laid out on screen
 * before the embedded faces finished loading kept its empty boxes in the PDF (only the page footer, laid out when
 * printing, came out right). So on screen the layout shows only a probe that loads every face; the content is laid
 * out for the first time when printing, with every face loaded.
 */
export async function embedFonts(
  html: string,
  faces: readonly FontFile[],
  read: (file: string) => Promise<Uint8Array>,
): Promise<string> {
  const chosen = chooseFaces(layoutText(html), faces);
  if (chosen.size === 0) return html;
  const count = new Map<string, number>();
  const named = faces
    .filter((f) => chosen.has(f))
    .map((f) => {
      const k = (count.get(f.family) ?? 0) + 1;
      count.set(f.family, k);
      return { f, family: k === 1 ? f.family : `${f.family} ${k}`, chars: chosen.get(f)! };
    });
  const read1 = async (n: (typeof named)[number]) => {
    try {
      return { ...n, css: faceCss(n.family, n.f, await read(n.f.file)) };
    } catch {
      return null;
    }
  };
  const ok = (await Promise.all(named.map(read1))).filter((r) => r !== null);
  if (ok.length === 0) return html;
  const families = ok.map((r) => `"${r.family}"`).join(', ');
  const css = [
    ...ok.map((r) => r.css),
    '@media screen { body > :not(.font-probe) { display: none; } }',
    '@media print { .font-probe { display: none; } }',
  ].join('\n');
  const probe = `<div class="font-probe" aria-hidden="true">${ok.map((r) => `<span style="font-family: '${r.family}'">${r.chars}</span>`).join(' ')}</div>`;
  return html
    .split(EMBEDDED_FONTS)
    .join(families)
    .replace('</head>', () => `<style>\n${css}\n</style></head>`)
    .replace('<body>', () => `<body>\n${probe}`);
}
