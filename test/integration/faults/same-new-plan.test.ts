import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerDatabase } from '../../../db/open';
import type { BackendContext } from '../../../electron/backend/context';
import { commitImport } from '../../../electron/backend/features/import/commit';
import { previewImport } from '../../../electron/backend/features/import/preview';
import { Staging } from '../../../electron/backend/features/import/staging';
import { resolveTarget } from '../../../electron/backend/features/import/target';
import { testBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

const table = path.resolve(import.meta.dirname, '../../../../shared/fixtures/yexian-2022-progress.xlsx');

/** What a backend gives a handler, over its own connection: one window, or the command line. */
function contextOn(file: string): BackendContext {
  const ledger = openLedgerDatabase(file);
  return {
    db: ledger.db,
    ledger,
    actor: '测试员',
    appVersion: 'test',
    staging: new Staging(),
    now: () => '2022-10-25T08:00:00.000Z',
    openFile: (f) => openLedgerDatabase(f),
    reconnect: () => Promise.reject(new Error('not in this test')),
  };
}

async function readyToCommit(ctx: BackendContext) {
  const staged = ctx.staging.stage('叶县.xlsx', fs.readFileSync(table));
  const preview = await previewImport(ctx, { stagingId: staged.stagingId });
  const target = await resolveTarget(ctx.db, preview, {});
  const file = { fileName: staged.fileName, sha256: staged.sha256, format: preview.format, sheet: preview.sheet };
  return { preview, target, file };
}

describe('two imports that both create the plan their title names', () => {
  it('the second, which found no plan before the first committed, goes into the plan the first created', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const [one, two] = [contextOn(db), contextOn(db)];
    // Both read where their rows go before either commits: both find no plan and no period.
    const first = await readyToCommit(one);
    const second = await readyToCommit(two);
    expect(first.target.plan).toBeNull();
    expect(second.target.plan).toBeNull();

    const a = await commitImport(one, first.file, first.preview, first.target);
    const b = await commitImport(two, second.file, second.preview, second.target);
    expect(b.planId).toBe(a.planId);
    expect(b.periodId).toBe(a.periodId);
    await one.ledger.close();
    await two.ledger.close();

    const backend = await testBackend(db);
    const plans = await backend.do('plans.list', {});
    expect(plans).toHaveLength(1);
    expect(await backend.do('periods.list', { planId: plans[0]!.id })).toHaveLength(1);
    expect(await backend.do('import.batches', { planId: plans[0]!.id })).toHaveLength(2);
    backend.close();
  });
});
