// Size limits on what the shell accepts from files and from the renderer (issue 15: a 256 MiB payload was taken).
// A workbook of ten thousand members with thirty years of payments is about 40 MB; 128 MiB leaves room for more.

export const MAX_WORKBOOK_BYTES = 128 * 1024 * 1024;
/** CSV, XLSX and JSON exports of what is shown: smaller than the workbook they come from. */
export const MAX_EXPORT_BYTES = 128 * 1024 * 1024;
/** A path the renderer hands back (a FileRef id it was given). */
export const MAX_PATH_CHARS = 4096;
/** File names, titles and suggested names. */
export const MAX_NAME_CHARS = 1024;
export const MAX_DATE_CHARS = 64;

export const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * A file name the renderer suggests, reduced to its last part so it never steers a dialog to another folder
 * (issue 15: `/root/.bashrc` reached the save dialog's default path). Control characters go; nothing usable left
 * gives `fallback`.
 */
export function suggestedBaseName(suggested: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = suggested.replace(/[\u0000-\u001f\u007f]/g, '');
  const last = clean
    .split(/[/\\]/)
    .pop()!
    .replace(/^[a-zA-Z]:/, '')
    .trim()
    .slice(0, 200);
  return last === '' || last === '.' || last === '..' ? fallback : last;
}
