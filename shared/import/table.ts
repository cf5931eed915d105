/** What every row of one table is read against, shared by the stages that read rows. */
import type { Cell, ColumnMapping, ImportField, ImportWarning } from '../types/preview';
import type { IndicatorColumns } from './indicators';
import type { PeopleCells, RowPeople } from './people';

/** What every row of one table is read against: where each field is, and what the table as a whole says. */
export interface Table {
  filled: Cell[][];
  cells: string[][];
  /** Whether a cell's value was merged down into it from a row above. */
  mergedFromAbove(r: number, c: number): boolean;
  /** Whether any cell of the row was merged down into it. */
  anyMergedFromAbove(r: number): boolean;
  columns: ColumnMapping[];
  col(field: ImportField): number | undefined;
  firstData: number;
  year: number;
  /** Columns that make a row more than a name: units, progress, figures, deadline. */
  detailCols: number[];
  /** The 备注 columns, in order. */
  remarkCols: number[];
  indicators: IndicatorColumns;
  headerTexts: Set<string>;
  /** The table numbers its projects 一、二、三 (at least two such rows with details). */
  chineseNumbered: boolean;
  people: (cells: PeopleCells, sourceRow: number, warnings: ImportWarning[]) => RowPeople;
}
