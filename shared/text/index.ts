/** Reading numbers, units, bounds and dates in Chinese report prose. */
export * from './calendar';
export * from './comparators';
export * from './dates';
export * from './numerals';
export * from './quantities';
export * from './sentences';
export * from './stage';
export * from './suggest';
export * from './actuals';
export * from './units';
export * from './width';
