/** Understanding documents (pure): Word's paragraphs and tables, or pasted text, as a table to import. */
export * from './blocks';
export * from './labels';
export * from './outline';
export * from './to-grid';
