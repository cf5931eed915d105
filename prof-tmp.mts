import { rowHeight } from './electron/backend/export/row-height';
import { cellValue, displayText, tableColumns } from './shared/seal/table-layout';
import { canonicalJson } from './shared/seal/canonical-json';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
const mod = await import('./build/bench/export.ts').catch(() => null);
