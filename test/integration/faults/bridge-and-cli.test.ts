import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge, tokenHeader } from '../../../electron/serve/server';
import { testBackend } from '../../helpers/backend';
import { spawnCli, writeLargeTable } from '../../helpers/processes';
import { tempDir } from '../../helpers/temp';

describe('two writers at once: the browser through the bridge, and the command line', () => {
  it('both succeed: every click is saved while a CLI import commits, and the import is whole', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const backend = await testBackend(db);
    const imported = await backend.do('plans.create', { year: 2022, level: 'county', name: '导入的计划' });
    const clicked = await backend.do('plans.create', { year: 2022, level: 'county', name: '界面上录入的计划' });
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const bridge = await startBridge({ backend, staticDir });
    const table = writeLargeTable(path.join(dir, 'big.csv'), 2000);

    const cli = spawnCli(['import', table, '--db', db, '--plan', String(imported.id), '--as-of', '2022-09-30', '--json']);
    let running = true;
    void cli.exited.then(() => (running = false));
    const failures: string[] = [];
    let saved = 0;
    while (running) {
      const reply = await fetch(`http://127.0.0.1:${bridge.port}/api/projects.create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [tokenHeader]: bridge.token },
        body: JSON.stringify({ planId: clicked.id, title: `界面录入的第${saved + failures.length + 1}项`, leadUnits: ['县民政局'] }),
      });
      if (reply.ok) saved++;
      else failures.push(`${reply.status} ${await reply.text()}`);
    }
    const finished = await cli.exited;
    await bridge.close();
    console.log(`bridge writes during a CLI import: ${saved} saved, ${failures.length} failed`);
    expect(failures).toEqual([]);
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.out)).toMatchObject({ counts: { new: 2000 } });
    expect(await backend.do('projects.list', { planId: clicked.id })).toHaveLength(saved);
    expect(await backend.do('projects.list', { planId: imported.id })).toHaveLength(2000);
    backend.close();
  }, 90_000);
});
