/** ADR folders (discovery, the tools' file rules, quote placement) and ADR files (parsing, listing). */
export * from './adrFiles';
export * from './adrFolders';
