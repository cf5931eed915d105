/**
 * One line of the budget table `npm run bench` prints at the end. Each benchmark runs in its own process;
 * when `all.ts` started it, BENCH_RESULTS names a file the benchmark appends its lines to (JSON, one a line).
 * Run alone, a benchmark prints its own lines as a table.
 */
import fs from 'node:fs';

export interface BudgetLine {
  /** What is measured, e.g. "export, 20,000 rows: time". */
  name: string;
  /** The budget as people read it, e.g. "< 1,500 ms". */
  budget: string;
  /** The figure, e.g. "1,210 ms (median of 5)". */
  measured: string;
  ok: boolean;
}

const resultsFile = process.env.BENCH_RESULTS;

export function reportBudgets(lines: readonly BudgetLine[]): void {
  if (resultsFile) fs.appendFileSync(resultsFile, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  else printBudgetTable(lines);
  if (lines.some((l) => !l.ok)) process.exitCode = 1;
}

export function printBudgetTable(lines: readonly BudgetLine[]): void {
  const verdict = (l: BudgetLine) => (l.ok ? 'ok' : 'OVER');
  const widths = [
    Math.max(6, ...lines.map((l) => l.name.length)),
    Math.max(6, ...lines.map((l) => l.budget.length)),
    Math.max(8, ...lines.map((l) => l.measured.length)),
  ];
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join(' | ')} |`;
  console.log(row(['budget', 'limit', 'measured', 'verdict']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|---------|`);
  for (const l of lines) console.log(row([l.name, l.budget, l.measured, verdict(l)]));
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
export const mb = (value: number) => `${Math.round(value).toLocaleString('en')} MB`;
