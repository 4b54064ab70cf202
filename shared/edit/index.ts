export * from './command';
export * from './commands';
export * from './history';
export * from './input';
export * from './tsv';
export * from './scenarios';
export * from './ledger';
export * from './membership';
