import type { DesktopApi } from '../../shared/ipc/contract';
import { suggestedBaseName } from './limits';
import type { DialogPort, PdfPort } from './ports';

// PDF export: the renderer sends the print layout it built with shared/export/print-html (the same document the
// browser prints); the shell renders it with printToPDF (the PdfPort) and writes it where the user chose.

/** A print layout is a few MB at most (10,000 members ≈ 2 MB); anything larger is not one of ours. */
export const MAX_PRINT_HTML = 32 * 1024 * 1024;

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `write` writes atomically (atomic-write.ts, through files.ts): a failed export never leaves half a PDF. */
export function createPdfExport(ports: {
  dialog: DialogPort;
  pdf?: PdfPort;
  write(path: string, data: Uint8Array): Promise<void>;
  basename(path: string): string;
}): Pick<DesktopApi, 'exportPdf'> {
  const { dialog, pdf, write, basename } = ports;
  return {
    async exportPdf(suggestedName, html) {
      if (!pdf) return { ok: false, message: 'PDF export is not available here' };
      if (html.length > MAX_PRINT_HTML || !/^<!doctype html>/i.test(html.trimStart()))
        return { ok: false, message: 'that is not a print layout' };
      const base = suggestedBaseName(suggestedName, 'export.pdf');
      const name = base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
      // Ask first: nothing is rendered when the user cancels.
      const path = await dialog.chooseSave(name, { name: 'PDF', extensions: ['pdf'] });
      if (!path) return { ok: false, cancelled: true };
      let bytes: Uint8Array;
      try {
        bytes = await pdf.htmlToPdf(html);
      } catch (e) {
        return { ok: false, message: `the PDF could not be made: ${why(e)}` };
      }
      try {
        await write(path, bytes);
      } catch (e) {
        return { ok: false, message: `${basename(path)} could not be written: ${why(e)}` };
      }
      return { ok: true, file: { id: path, name: basename(path) } };
    },
  };
}
