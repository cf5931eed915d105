import { createHash } from 'node:crypto';
import { consolidate } from '../../../shared/consolidate';
import type { ReceivedTable } from '../../../shared/domain';
import { LedgerError } from '../../../shared/errors';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../db/repositories/audit';
import { deleteReceived, listReceived, receivedSnapshots, saveReceived, type ReceivedRow } from '../../../db/repositories/received';
import type { Database } from '../../../db/schema';
import { verifyWorkbook, writeConsolidatedWorkbook } from '../export/lazy';
import { sealOrigin } from '../export/seal-origin';
import type { Handlers } from '../context';
import { keyMismatch, knownKeys, trustedOffices } from './signoff';

/**
 * A received table judged against the keys trusted now: one kept before its office's key was trusted, whose key
 * is not that one, no longer counts as valid.
 */
async function judge(db: Kysely<Database>): Promise<(row: { office: string; fingerprint: string; valid: number }) => { valid: boolean; knownSigner: boolean }> {
  const trusted = await trustedOffices(db);
  const fingerprints = new Set(trusted.map((t) => t.fingerprint));
  return (row) => {
    const knownSigner = fingerprints.has(row.fingerprint);
    const { origin } = sealOrigin(row, { trusted });
    return { valid: row.valid === 1 && origin !== 'keyMismatch', knownSigner };
  };
}

async function shown(db: Kysely<Database>, rows: ReceivedRow[]): Promise<ReceivedTable[]> {
  const judged = await judge(db);
  return rows.map(({ sha256: _s, ...row }) => ({ ...row, ...judged(row) }));
}

async function table(db: Kysely<Database>, ids: number[]) {
  const received = await receivedSnapshots(db, ids);
  if (received.length === 0) throw new LedgerError('NOT_FOUND', '请先选择要汇总的下级报表。');
  const plans = new Set(received.map((r) => `${r.planName} ${r.periodAsOf}`));
  if (plans.size > 1) throw new LedgerError('INVALID_INPUT', '所选报表属于不同的计划或报送期，不能汇总到一张表里。');
  const judged = await judge(db);
  return consolidate(received.map((r) => ({ office: r.office, fingerprint: r.fingerprint, ...judged(r), signer: r.signer, snapshot: r.snapshot })));
}

export const consolidateHandlers = {
  /** Verifies a subordinate's sealed table and keeps its signed data; an altered file is kept but flagged. */
  'consolidate.add': async ({ fileName, contentBase64 }, ctx) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    const result = await verifyWorkbook(bytes, await knownKeys(ctx));
    if (!result.sealed) throw new LedgerError('SEAL_MISSING', `“${fileName}”中没有台账签章，不能汇总（可能不是下级用本程序导出的报表）。`);
    // Another key under a trusted office's name: its data is not that office's, so it is not added at all.
    if (result.origin === 'keyMismatch') throw keyMismatch(result.office ?? '');
    if (!result.snapshot || !result.fingerprint) throw new LedgerError('SEAL_INVALID', `“${fileName}”的签章无效（签名不符），其中的数据不可信，未汇总。`);
    return ctx.db.transaction().execute(async (trx) => {
      const now = ctx.now();
      const id = await saveReceived(trx, {
        fileName,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        office: result.office ?? result.snapshot!.office,
        fingerprint: result.fingerprint!,
        valid: result.valid ? 1 : 0,
        changes: result.changes.length,
        signer: result.signer ?? '',
        planName: result.snapshot!.plan.name,
        periodAsOf: result.snapshot!.period.asOf,
        snapshotJson: JSON.stringify(result.snapshot),
        receivedAt: now,
      });
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'received', entityId: id, after: { fileName, office: result.office, valid: result.valid } }, now);
      return (await shown(trx, await listReceived(trx))).find((r) => r.id === id)!;
    });
  },

  'consolidate.list': async (_input, ctx) => shown(ctx.db, await listReceived(ctx.db)),

  'consolidate.remove': async ({ id }, ctx) => {
    await deleteReceived(ctx.db, id);
    return { removed: id };
  },

  'consolidate.view': async ({ ids }, ctx) => table(ctx.db, ids),

  'consolidate.export': async ({ ids }, ctx) => {
    const consolidated = await table(ctx.db, ids);
    const bytes = await writeConsolidatedWorkbook(consolidated);
    return { fileName: `${consolidated.title}-${consolidated.period}.xlsx`, contentBase64: Buffer.from(bytes).toString('base64'), revision: 0 };
  },
} satisfies Partial<Handlers>;
