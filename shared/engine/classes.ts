// The class a member holds (R11, R13) is read from the document (shared/model/classes.ts, below the engine, so
// validation can use it); import it from there. This path stays for importers not yet moved (renderer App.tsx).
export * from '../model/classes';
