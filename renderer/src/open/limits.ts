/** Below this many characters a workbook is checked at once: the example (0.3 MB) takes a few milliseconds. */
export const BACKGROUND_FROM = 1_000_000;
