export * from './doc-layout';
export * from './doc-to-design';
export * from './read-doc';
export * from './repair-design';
export * from './session-settings';
export * from './undo';
export * from './write-design';
