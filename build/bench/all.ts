/**
 * `npm run bench`: every benchmark in turn, each in its own process, so one over budget does not hide the
 * others' figures; then one table of every budget, its limit, the figure and the verdict. Benchmarks add their
 * lines through report.ts (to the file named by BENCH_RESULTS); one that adds none is listed by its exit status.
 * Exits 1 when any is over budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printBudgetTable, type BudgetLine } from './report';

const here = import.meta.dirname;
const repo = path.resolve(here, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsx = path.join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

const steps: [string, string[]][] = [
  [tsx, [path.join(here, 'status.ts')]],
  [tsx, [path.join(here, 'export.ts')]],
  [tsx, [path.join(here, 'import.ts')]],
  [tsx, [path.join(here, 'bulletin.ts')]],
  [tsx, [path.join(here, 'hostile.ts')]],
  [tsx, [path.join(here, 'cli.ts')]],
  [tsx, [path.join(here, 'figures.ts')]],
  [tsx, [path.join(here, 'document.ts')]],
  [npm, ['run', '--silent', 'build:renderer']],
  [tsx, [path.join(here, 'ui.ts')]],
];

const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-')), 'results.jsonl');
const readLines = (): BudgetLine[] =>
  fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BudgetLine) : [];

const lines: BudgetLine[] = [];
for (const [command, args] of steps) {
  const name = path.basename(args.at(-1) ?? command);
  const before = readLines().length;
  const run = spawnSync(command, args, { stdio: 'inherit', cwd: repo, shell: process.platform === 'win32', env: { ...process.env, BENCH_RESULTS: resultsFile } });
  const added = readLines().slice(before);
  lines.push(...added);
  if (added.length === 0 || (run.status !== 0 && added.every((l) => l.ok))) {
    lines.push({ name: `${name} (its own output above)`, budget: 'exit 0', measured: `exit ${run.status ?? run.signal}`, ok: run.status === 0 });
  }
}
fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });

console.log(`\nBudgets (${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}):`);
printBudgetTable(lines);
const over = lines.filter((l) => !l.ok);
console.log(over.length ? `\nover budget or failed: ${over.map((l) => l.name).join('; ')}` : '\nall benchmarks within budget');
process.exitCode = over.length ? 1 : 0;
