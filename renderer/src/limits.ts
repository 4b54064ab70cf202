// Sizes from which the app shows progress for long work (DOM-free: the tests import them in Node).

/** Below this many characters a workbook is checked at once: the example (0.3 MB) takes a few milliseconds. */
export const BACKGROUND_FROM = 1_000_000;

/** Rows from which a PDF export says it is under way (200 rows print in ~0.2 s, 10,000 in ~6 s: bench/export). */
export const PDF_PROGRESS_FROM = 1000;
