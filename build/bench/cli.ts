/**
 * CLI start-up budgets (issue #13): `ledger --help` < 400 ms and `ledger status` on a 10-project ledger
 * < 700 ms, each a whole process run (Node start-up included), medians of RUNS. Measured on the bundle that
 * `npm run build` makes (dist/cli/ledger.mjs, rebuilt here first) and through the launcher `npm run ledger`
 * uses (build/ledger.mjs: checks the bundle is fresh, then runs it); `tsx electron/cli/main.ts`, what
 * `npm run ledger` ran before, is timed once for comparison. Run with `npx tsx build/bench/cli.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleCli, projectRoot } from '../bundle.mjs';
import { runCli } from '../../electron/cli/run';
import { median, ms, reportBudgets, type BudgetLine } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HELP_MS = 400;
const STATUS_MS = 700;
const PROJECTS = 10;

const bundle = await bundleCli();
const launcher = path.join(projectRoot, 'build', 'ledger.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-cli-'));
const db = path.join(dir, 'ledger.sqlite');

async function ledger(...argv: string[]): Promise<void> {
  let err = '';
  const code = await runCli([...argv, '--db', db], { out: () => undefined, err: (t) => (err += t), env: process.env, untilStopped: () => Promise.resolve() });
  if (code !== 0) throw new Error(`ledger ${argv.join(' ')} failed: ${err}`);
}

/** Wall-clock time of one whole process, from spawn to exit. */
function timed(command: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', cwd: projectRoot });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return elapsed;
}

const series = (args: string[]) => median(Array.from({ length: RUNS }, () => timed(process.execPath, args)));

try {
  await ledger('plans', 'create', '--year', '2022', '--level', '县', '--name', '2022年县民生实事');
  for (let i = 1; i <= PROJECTS; i++) await ledger('projects', 'add', '--plan', '1', '--title', `第${i}项民生实事`, '--lead-unit', `县第${i}局`);
  timed(process.execPath, [bundle, 'status', '--db', db]); // the day's first open makes a backup: not start-up

  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  const before = timed(tsx, [path.join(projectRoot, 'electron/cli/main.ts'), '--help']);
  const help = series([bundle, '--help']);
  const status = series([bundle, 'status', '--db', db]);
  const helpLaunched = series([launcher, '--help']);
  const statusLaunched = series([launcher, 'status', '--db', db]);
  console.log(`CLI start-up, whole processes, medians of ${RUNS} (tsx, as before: --help ${before.toFixed(0)} ms, once)`);
  console.log(`  bundle: --help ${help.toFixed(0)} ms, status ${status.toFixed(0)} ms; through build/ledger.mjs: --help ${helpLaunched.toFixed(0)} ms, status ${statusLaunched.toFixed(0)} ms`);
  const lines: BudgetLine[] = [
    { name: 'ledger --help (bundle)', budget: `< ${ms(HELP_MS)}`, measured: ms(help), ok: help < HELP_MS },
    { name: `ledger status, ${PROJECTS} projects (bundle)`, budget: `< ${ms(STATUS_MS)}`, measured: ms(status), ok: status < STATUS_MS },
    { name: 'ledger --help (npm run ledger launcher)', budget: `< ${ms(HELP_MS)}`, measured: ms(helpLaunched), ok: helpLaunched < HELP_MS },
    { name: `ledger status, ${PROJECTS} projects (launcher)`, budget: `< ${ms(STATUS_MS)}`, measured: ms(statusLaunched), ok: statusLaunched < STATUS_MS },
  ];
  reportBudgets(lines);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
