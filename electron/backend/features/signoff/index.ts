import path from 'node:path';
import { LedgerError } from '../../../../shared/errors';
import type { SignOffRevision, TrustedOffice } from '../../../../shared/domain';
import type { OptionalColumn, PeriodSnapshot } from '../../../../shared/snapshot';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../db/repositories/audit';
import { getPeriod } from '../../../../db/repositories/periods';
import { getPlan } from '../../../../db/repositories/plans';
import { readSetting, writeSetting } from '../../../../db/repositories/settings';
import { getRevision, insertRevision, lastSignOffNames, listRevisions, revisionSnapshot, updateRevision } from '../../../../db/repositories/sign-offs';
import type { Database } from '../../../../db/schema';
import { exportPublicKey, loadOrCreateOfficeKey, parsePublicKeyFile } from '../../export/keys';
import { writeCsv } from '../../export/csv';
import { verifyWorkbook, writeSealedWorkbook } from '../../export/lazy';
import type { KnownKeys } from '../../export/seal-origin';
import type { BackendContext, Handlers } from '../../context';
import { buildDetail } from './detail';
import { buildSnapshot, officeName, requireOfficeName } from './snapshot';

const trustedKey = 'trustedOffices';
type Trusted = TrustedOffice & { publicKeyPem: string };

export const trustedOffices = (db: Kysely<Database>) => readSetting<Trusted[]>(db, trustedKey, []);

/** The keys a received seal is judged against: those trusted, and this office's own. */
export async function knownKeys(ctx: BackendContext): Promise<KnownKeys> {
  const own = officeKey(ctx, await officeName(ctx));
  return { trusted: await trustedOffices(ctx.db), own: { fingerprint: own.fingerprint, office: own.office } };
}

const stateNames = { draft: '待填报', prepared: '待审核', reviewed: '待签发', signed: '已签发' } as const;

async function periodOrThrow(db: Kysely<Database>, periodId: number) {
  const period = await getPeriod(db, periodId);
  if (!period) throw new LedgerError('NOT_FOUND', `找不到编号为 ${periodId} 的报送期。`);
  return period;
}

async function revisionOrThrow(db: Kysely<Database>, id: number): Promise<SignOffRevision> {
  const revision = await getRevision(db, id);
  if (!revision) throw new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的签发记录。`);
  return revision;
}

function expectState(revision: SignOffRevision, wanted: SignOffRevision['state'], action: string): void {
  if (revision.state !== wanted) {
    throw new LedgerError('CONFLICT', `修订版 ${revision.revision} 目前“${stateNames[revision.state]}”，不能${action}。`);
  }
}

function officeKey(ctx: BackendContext, office: string) {
  return loadOrCreateOfficeKey(path.join(path.dirname(ctx.ledger.file), 'keys'), office || '未命名单位');
}

/** Sign-off exists so that a second person checks the first: one person in two roles is no check at all. */
function samePerson(name: string, earlier: string, role: string, earlierRole: string): void {
  if (name.replace(/\s/g, '') === earlier.replace(/\s/g, '')) {
    throw new LedgerError('SIGNOFF_SAME_PERSON', `${role}不能与${earlierRole}是同一人（${earlier}）：请由另一位同志${role === '审核人' ? '审核' : '签发'}。`);
  }
}

const nowSignOff = { preparer: '', preparedAt: null, reviewer: '', reviewedAt: null, signer: '', signedAt: null };

export const signOffHandlers = {
  'signoff.list': async ({ periodId }, ctx) => listRevisions(ctx.db, periodId),

  'signoff.lastNames': async (_input, ctx) => lastSignOffNames(ctx.db),

  /** 填表人 submits: the period as it stands now is frozen into the revision the reviewer will see. */
  'signoff.prepare': async ({ periodId, preparer, columns }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      await requireOfficeName({ ...ctx, db: trx }, '提交审核');
      const period = await periodOrThrow(trx, periodId);
      const revisions = await listRevisions(trx, periodId);
      let latest = revisions.at(-1);
      if (latest?.state === 'signed') throw new LedgerError('CONFLICT', `报送期“${period.label}”已签发；如需更正，请先新建修订版并写明原因。`);
      const id = latest?.id ?? (await insertRevision(trx, periodId, 1, ''));
      latest = (await getRevision(trx, id))!;
      const now = ctx.now();
      const snapshot = await buildSnapshot({ ...ctx, db: trx }, period, latest, { ...nowSignOff, preparer, preparedAt: now }, columns as OptionalColumn[]);
      await updateRevision(trx, id, { state: 'prepared', preparer, preparedAt: now, reviewer: '', reviewedAt: null, signer: '', signedAt: null, snapshotJson: JSON.stringify(snapshot), detailJson: JSON.stringify(await buildDetail({ ...ctx, db: trx }, period)) });
      const after = (await getRevision(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'signoff', entityId: id, after }, now);
      return after;
    }),

  'signoff.review': async ({ id, reviewer }, ctx) =>
    advance(ctx, id, 'prepared', '审核', (revision) => samePerson(reviewer, revision.preparer, '审核人', '填表人'), (snapshot, now) => ({ ...snapshot.signOff, reviewer, reviewedAt: now }), (now) => ({ state: 'reviewed', reviewer, reviewedAt: now })),

  'signoff.sign': async ({ id, signer }, ctx) =>
    advance(ctx, id, 'reviewed', '签发', (revision) => samePerson(signer, revision.reviewer, '签发领导', '审核人'), (snapshot, now) => ({ ...snapshot.signOff, signer, signedAt: now }), (now) => ({ state: 'signed', signer, signedAt: now })),

  /** A correction after signing: a new revision, with its reason; the signed one never changes. */
  'signoff.revise': async ({ periodId, reason }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      await periodOrThrow(trx, periodId);
      const latest = (await listRevisions(trx, periodId)).at(-1);
      if (latest?.state !== 'signed') throw new LedgerError('CONFLICT', '只有已签发的报送期才需要新建修订版；当前修订版还可以直接修改后提交。');
      const id = await insertRevision(trx, periodId, latest.revision + 1, reason);
      const created = (await getRevision(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'signoff', entityId: id, after: created }, ctx.now());
      return created;
    }),

  'signoff.snapshot': async ({ id }, ctx) => {
    const snapshot = await revisionSnapshot(ctx.db, id);
    if (!snapshot) throw new LedgerError('NOT_FOUND', '这个修订版还没有提交，没有可显示的报表。');
    return snapshot;
  },

  'export.period': async ({ periodId, revision, format }, ctx) => {
    const period = await periodOrThrow(ctx.db, periodId);
    const revisions = (await listRevisions(ctx.db, periodId)).filter((r) => r.state === 'signed');
    const chosen = revision === undefined ? revisions.at(-1) : revisions.find((r) => r.revision === revision);
    if (!chosen) throw new LedgerError('NOT_FOUND', revision === undefined ? `报送期“${period.label}”还没有签发，不能导出报送。` : `报送期“${period.label}”没有已签发的修订版 ${revision}。`);
    const snapshot = (await revisionSnapshot(ctx.db, chosen.id))!;
    const plan = await getPlan(ctx.db, period.planId);
    const base = `${plan?.name ?? '民生实事'}-${period.label}${chosen.revision > 1 ? `-修订版${chosen.revision}` : ''}`;
    const bytes = format === 'csv' ? writeCsv(snapshot) : await writeSealedWorkbook(snapshot, officeKey(ctx, snapshot.office), { generatedBy: ctx.actor });
    return { fileName: `${base}.${format}`, contentBase64: Buffer.from(bytes).toString('base64'), revision: chosen.revision };
  },

  'verify.file': async ({ contentBase64 }, ctx) => {
    const { snapshot: _snapshot, publicKeyPem: _key, ...result } = await verifyWorkbook(Buffer.from(contentBase64, 'base64'), await knownKeys(ctx));
    return result;
  },

  'keys.info': async (_input, ctx) => {
    const key = officeKey(ctx, await requireOfficeName(ctx, '导出本单位公钥'));
    return { office: key.office, fingerprint: key.fingerprint, publicKeyFile: exportPublicKey(key) };
  },

  'keys.trusted': async (_input, ctx) => (await trustedOffices(ctx.db)).map(({ publicKeyPem: _p, ...t }) => t),

  /** Trust on first sight: the key inside a received table whose signature is good, after the user has compared fingerprints. */
  'keys.trustSeal': async ({ fileName, contentBase64 }, ctx) => {
    const result = await verifyWorkbook(Buffer.from(contentBase64, 'base64'), await knownKeys(ctx));
    if (!result.publicKeyPem || !result.fingerprint) throw new LedgerError('SEAL_INVALID', `“${fileName}”没有有效的签章，不能据此信任签发单位。`);
    if (result.origin === 'keyMismatch') throw keyMismatch(result.office ?? '');
    if (result.origin === 'own') throw new LedgerError('CONFLICT', '这是本单位自己的签章，无需信任。');
    return trust(ctx, { office: result.office ?? '', fingerprint: result.fingerprint, publicKeyPem: result.publicKeyPem });
  },

  /** What a key file says, shown to the user before anything is trusted. */
  'keys.inspect': async ({ keyFile }, ctx) => {
    const key = parsePublicKeyFile(keyFile);
    const trusted = await trustedOffices(ctx.db);
    const same = trusted.find((t) => t.fingerprint === key.fingerprint);
    return { office: key.office, fingerprint: key.fingerprint, trustedAs: same?.office ?? null };
  },

  /** A key file, trusted under the name the user confirmed; it replaces an older key trusted under that name. */
  'keys.trust': async ({ keyFile, office }, ctx) => {
    const key = parsePublicKeyFile(keyFile);
    return trust(ctx, { ...key, office: office ?? key.office }, { replaceName: true });
  },
} satisfies Partial<Handlers>;

export const keyMismatch = (office: string) =>
  new LedgerError('SEAL_INVALID', `签章密钥与已信任的“${office}”不一致：这份报表不是用该单位已信任的密钥签发的，其中的数据不可信。如对方确实更换了密钥，请导入对方新的公钥文件。`);

async function trust(ctx: BackendContext, key: { office: string; fingerprint: string; publicKeyPem: string }, options = { replaceName: false }): Promise<TrustedOffice> {
  const own = officeKey(ctx, await officeName(ctx));
  if (own.fingerprint === key.fingerprint) throw new LedgerError('CONFLICT', '这是本单位自己的公钥，无需信任。');
  return ctx.db.transaction().execute(async (trx) => {
    const sameName = (t: Trusted) => t.office.replace(/\s+/g, '') === key.office.replace(/\s+/g, '');
    const trusted = (await trustedOffices(trx)).filter((t) => t.fingerprint !== key.fingerprint && !(options.replaceName && sameName(t)));
    const entry = { office: key.office, fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, addedAt: ctx.now() };
    await writeSetting(trx, trustedKey, [...trusted, entry]);
    await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'trustedKey', entityId: null, after: { office: key.office, fingerprint: key.fingerprint } }, entry.addedAt);
    const { publicKeyPem: _p, ...shown } = entry;
    return shown;
  });
}

async function advance(
  ctx: BackendContext,
  id: number,
  from: SignOffRevision['state'],
  action: string,
  check: (revision: SignOffRevision) => void,
  signOff: (snapshot: PeriodSnapshot, now: string) => PeriodSnapshot['signOff'],
  changes: (now: string) => { state: SignOffRevision['state'] } & Partial<SignOffRevision>,
): Promise<SignOffRevision> {
  return ctx.db.transaction().execute(async (trx) => {
    const revision = await revisionOrThrow(trx, id);
    expectState(revision, from, action);
    check(revision);
    const snapshot = (await revisionSnapshot(trx, id))!;
    const now = ctx.now();
    await updateRevision(trx, id, { ...changes(now), snapshotJson: JSON.stringify({ ...snapshot, signOff: signOff(snapshot, now) }) });
    const after = (await getRevision(trx, id))!;
    await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'signoff', entityId: id, before: revision, after }, now);
    return after;
  });
}
