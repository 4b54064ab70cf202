import { useSyncExternalStore } from 'react';

// Issue 11: "headers in the language" for people opening an exported CSV: the column names in the app's language
// (Code, Membre, Classe…) instead of the machine names the CLI's contract keeps (code,name,class…). A choice of this
// user in this browser, remembered like the language; off by default, so an export reads as the CLI writes it.

const KEY = 'contribution-calculator.csvHeadersInLanguage';
const listeners = new Set<() => void>();
let current: boolean | undefined;

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

export function headersInLanguage(): boolean {
  current ??= read();
  return current;
}

export function setHeadersInLanguage(on: boolean): void {
  current = on;
  try {
    localStorage.setItem(KEY, on ? 'yes' : 'no');
  } catch {
    // a browser that keeps nothing: the choice holds for this session
  }
  listeners.forEach((l) => l());
}

export function useHeadersInLanguage(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, headersInLanguage);
}
