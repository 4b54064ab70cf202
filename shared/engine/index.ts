export * from './apportion';
export * from './assess';
export * from './classes';
export * from './exact';
export * from './membership';
export * from './years';
export * from './check';
