/**
 * `npm run bench`: every benchmark in turn, each in its own process, so one over budget does not hide the
 * others' figures. Exits 1 when any is over budget.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
  [tsx, [path.join(here, 'document.ts')]],
  [npm, ['run', '--silent', 'build:renderer']],
  [tsx, [path.join(here, 'ui.ts')]],
];

const failed: string[] = [];
for (const [command, args] of steps) {
  const run = spawnSync(command, args, { stdio: 'inherit', cwd: repo, shell: process.platform === 'win32' });
  if (run.status !== 0) failed.push(path.basename(args.at(-1) ?? command));
}
console.log(failed.length ? `\nover budget or failed: ${failed.join(', ')}` : '\nall benchmarks within budget');
process.exitCode = failed.length ? 1 : 0;
