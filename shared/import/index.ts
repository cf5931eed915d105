/** Understanding imported tables (pure): the grid the reader produces, headers, splitting, the preview. */
export * from './grid';
export * from './headers';
export * from './split';
export * from './understand';
export * from './figures';
export * from './group';
