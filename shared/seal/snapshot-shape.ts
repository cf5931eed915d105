import { optionalColumns, snapshotFormat, type PeriodSnapshot } from '../snapshot';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isNullableString = (v: unknown) => v === null || isString(v);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isOptionalNumber = (v: unknown, nullable: boolean) =>
  v === undefined || (nullable && v === null) || (typeof v === 'number' && Number.isFinite(v));

/**
 * Whether data read from a received file has the shape of a snapshot. A seal can be validly signed by a key
 * we have never seen, so its content is checked like any other input before the table is compared with it.
 */
export function isPeriodSnapshot(value: unknown): value is PeriodSnapshot {
  if (!isRecord(value) || value.format !== snapshotFormat) return false;
  const { office, plan, period, revision, revisionReason, columns, rows, signOff } = value;
  if (!isString(office) || !isString(revisionReason) || typeof revision !== 'number' || !Number.isInteger(revision)) return false;
  if (!isRecord(plan) || typeof plan.year !== 'number' || !isString(plan.name) || !isString(plan.level)) return false;
  if (!isRecord(period) || !isString(period.label) || !isString(period.asOf)) return false;
  if (!Array.isArray(columns) || !columns.every((c) => (optionalColumns as readonly unknown[]).includes(c))) return false;
  if (!isRecord(signOff)) return false;
  const { preparer, preparedAt, reviewer, reviewedAt, signer, signedAt } = signOff;
  if (![preparer, reviewer, signer].every(isString) || ![preparedAt, reviewedAt, signedAt].every(isNullableString)) return false;
  if (!Array.isArray(rows)) return false;
  return rows.every(
    (row) =>
      isRecord(row) &&
      isString(row.seq) &&
      isString(row.task) &&
      isStrings(row.units) &&
      isStrings(row.responsiblePeople) &&
      isStrings(row.leaders) &&
      isString(row.progress) &&
      (row.status === undefined || isString(row.status)) &&
      isOptionalNumber(row.completion, true) &&
      isOptionalNumber(row.timeProgress, false),
  );
}
