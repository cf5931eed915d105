export { canonicalJson } from './canonical-json';
export { groupFingerprint, normalizeFingerprint, sealFormat, sealFormatPattern, sealSigningInput, snapshotSigningText } from './seal';
export type { Seal, SealHeader } from './seal';
export { diffSnapshots, diffVisible, visibleCells } from './visible-cells';
export type { Change, VisibleCell } from './visible-cells';
export { snapshotFromCells } from './rebuild';
export * from './table-layout';
export { isPeriodSnapshot } from './snapshot-shape';
