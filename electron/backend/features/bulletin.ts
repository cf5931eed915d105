/**
 * 生成通报: a bulletin (.docx) from a signed revision, never from the ledger as it stands. The clerk's choices —
 * 发文机关, 期号 per plan, 日期, 工作要求, 本期发, the template — are remembered in the settings store for the next one.
 */
import { buildBulletin, bulletinSource, defaultDistribution, defaultRequirements } from '../../../shared/bulletin';
import type { BulletinOptions, BulletinSource, BulletinTemplate } from '../../../shared/bulletin/types';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Period } from '../../../shared/domain';
import { LedgerError } from '../../../shared/errors';
import type { Kysely } from 'kysely';
import { getPeriod } from '../../../db/repositories/periods';
import { readSetting, writeSetting } from '../../../db/repositories/settings';
import { listRevisions, revisionDetail, revisionSnapshot } from '../../../db/repositories/sign-offs';
import type { Database } from '../../../db/schema';
import { writeBulletinDocx } from '../export/lazy';
import type { BackendContext, Handlers } from '../context';
import { officeName } from './signoff/snapshot';

const keys = {
  issuer: 'bulletin.issuer',
  template: 'bulletin.template',
  requirements: 'bulletin.requirements',
  distribution: 'bulletin.distribution',
  /** Per plan: the last issue written, for which period, on which date. */
  issues: 'bulletin.issues',
} as const;

type IssueMemo = Record<string, { issue: number; periodId: number; date: string }>;

async function signedSource(ctx: BackendContext, periodId: number, revision: number | undefined): Promise<{ period: Period; revision: number; source: BulletinSource }> {
  const period = await getPeriod(ctx.db, periodId);
  if (!period) throw new LedgerError('NOT_FOUND', `找不到编号为 ${periodId} 的报送期。`);
  const signed = (await listRevisions(ctx.db, periodId)).filter((r) => r.state === 'signed');
  const chosen = revision === undefined ? signed.at(-1) : signed.find((r) => r.revision === revision);
  if (!chosen) {
    throw new LedgerError(
      'NOT_SIGNED',
      revision === undefined
        ? `报送期“${period.label}”还没有签发，不能生成通报。通报只依据签发后锁定的数据，请先在“导出与签发”中完成审核和签发。`
        : `报送期“${period.label}”没有已签发的修订版 ${revision}，不能生成通报。`,
    );
  }
  const snapshot = (await revisionSnapshot(ctx.db, chosen.id))!;
  return { period, revision: chosen.revision, source: bulletinSource(snapshot, await revisionDetail(ctx.db, chosen.id)) };
}

/** The same period again keeps its issue and date; a new period takes the next issue and today. */
async function rememberedOptions(ctx: BackendContext, period: Period, source: BulletinSource): Promise<BulletinOptions> {
  const memo = (await readSetting<IssueMemo>(ctx.db, keys.issues, {}))[String(period.planId)];
  const same = memo?.periodId === period.id;
  return {
    template: await readSetting<BulletinTemplate>(ctx.db, keys.template, 'supervision'),
    issue: memo ? (same ? memo.issue : memo.issue + 1) : 1,
    date: same ? memo.date : ctx.now().slice(0, 10),
    issuer: await readSetting(ctx.db, keys.issuer, (await officeName(ctx)) || source.office),
    requirements: await readSetting(ctx.db, keys.requirements, defaultRequirements(source)),
    distribution: await readSetting(ctx.db, keys.distribution, defaultDistribution(source)),
  };
}

async function remember(db: Kysely<Database>, period: Period, options: BulletinOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const issues = await readSetting<IssueMemo>(trx, keys.issues, {});
    await writeSetting(trx, keys.issues, { ...issues, [String(period.planId)]: { issue: options.issue, periodId: period.id, date: options.date } });
    await writeSetting(trx, keys.template, options.template);
    await writeSetting(trx, keys.issuer, options.issuer);
    await writeSetting(trx, keys.requirements, options.requirements);
    await writeSetting(trx, keys.distribution, options.distribution);
  });
}

function chosenOptions(input: ParsedInput<'bulletin.write'>, defaults: BulletinOptions): BulletinOptions {
  const { periodId: _p, revision: _r, ...given } = input;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { ...defaults, ...defined };
}

/** "关于1-9月份全区2022年重点民生实事进展情况的通报（第7期）.docx"; characters Windows forbids become full-width. */
function fileName(title: string, options: BulletinOptions, revision: number): string {
  const safe = title.replace(/[\\/:*?"<>|]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return `${safe}${options.template === 'supervision' ? `（第${options.issue}期）` : ''}${revision > 1 ? `-修订版${revision}` : ''}.docx`;
}

export const bulletinHandlers = {
  'bulletin.draft': async ({ periodId, revision }, ctx) => {
    const signed = await signedSource(ctx, periodId, revision);
    return { revision: signed.revision, source: signed.source, options: await rememberedOptions(ctx, signed.period, signed.source) };
  },

  'bulletin.write': async (input, ctx) => {
    const signed = await signedSource(ctx, input.periodId, input.revision);
    const options = chosenOptions(input, await rememberedOptions(ctx, signed.period, signed.source));
    const document = buildBulletin(signed.source, options);
    const bytes = await writeBulletinDocx(document, { creator: options.issuer });
    await remember(ctx.db, signed.period, options);
    return { fileName: fileName(document.title, options, signed.revision), contentBase64: Buffer.from(bytes).toString('base64'), revision: signed.revision };
  },
} satisfies Partial<Handlers>;
