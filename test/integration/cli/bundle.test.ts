import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, projectRoot } from '../../../build/bundle.mjs';
import { tempDir } from '../../helpers/temp';

/** Its own folder inside the project (so node_modules resolves from it), removed afterwards. */
const outDir = path.join(projectRoot, 'dist', `cli-test-${process.pid}`);
let entry = '';

beforeAll(async () => {
  entry = await bundleCli({ outDir });
}, 60_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const run = (...argv: string[]) => spawnSync(process.execPath, [entry, ...argv], { encoding: 'utf8', cwd: projectRoot });

/** Files the entry loads at start-up: itself and every chunk reached through static imports. */
function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)";?$|^import\s*"(\.[^"]+)";?$/gm)) {
    staticallyLoaded(path.resolve(path.dirname(file), (match[1] ?? match[2])!), seen);
  }
  return seen;
}

describe('the bundled ledger command', () => {
  it('runs without a TypeScript loader: help, and status on a real ledger', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('民生实事台账 命令行工具');
    const db = path.join(tempDir(), 'ledger.sqlite');
    expect(run('plans', 'create', '--year', '2022', '--level', '县', '--name', '2022年县民生实事', '--db', db).status).toBe(0);
    expect(run('projects', 'add', '--plan', '1', '--title', '城区老旧小区改造', '--lead-unit', '县住建局', '--db', db).status).toBe(0);
    const status = run('status', '--db', db, '--json');
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('城区老旧小区改造');
  });

  it('loads ExcelJS, SheetJS and docx only in chunks that export, verify and bulletins import when they run', () => {
    // What `ledger status` loads: the entry and the backend (itself a chunk, opened by commands that need it).
    const backend = fs.readdirSync(path.join(outDir, 'chunks')).find((f) => /^backend-.*\.mjs$/.test(f));
    expect(backend).toBeDefined();
    const loaded = [...staticallyLoaded(path.join(outDir, 'chunks', backend!), staticallyLoaded(entry))];
    expect(loaded.length).toBeGreaterThan(0);
    for (const file of loaded) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, path.basename(file)).not.toMatch(/^import\s[^;]*from\s*"(exceljs|xlsx|docx)";?$/m);
    }
    const chunks = fs.readdirSync(path.join(outDir, 'chunks')).filter((f) => f.endsWith('.mjs'));
    const heavy = chunks.filter((f) => /from\s*"exceljs"/.test(fs.readFileSync(path.join(outDir, 'chunks', f), 'utf8')));
    expect(heavy.length).toBeGreaterThan(0); // the check above can fail: ExcelJS is in the bundle, in a lazy chunk
  });
});
