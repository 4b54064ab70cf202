/** A workbook that validated but cannot be computed as asked (no class for a year, an unknown scheme…). */
export class EngineError extends Error {}
