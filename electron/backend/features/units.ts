import { LedgerError } from '../../../shared/errors';
import { normalizeName } from '../../../shared/names';
import { recordAudit } from '../../../db/repositories/audit';
import { getUnit, insertAlias, listUnits, mergeClashes, mergeUnitRows, nameInUse } from '../../../db/repositories/units';
import type { Handlers } from '../context';

const missing = (id: number) => new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的单位。`);

export const unitHandlers = {
  'units.list': async (_input, ctx) => listUnits(ctx.db),

  'units.addAlias': async ({ unitId, alias: raw }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getUnit(trx, unitId);
      if (!before) throw missing(unitId);
      const alias = normalizeName(raw);
      if (await nameInUse(trx, alias)) throw new LedgerError('CONFLICT', `“${alias}”已是某个单位的名称或别名；如是同一单位，请用“合并”。`);
      await insertAlias(trx, unitId, alias);
      const after = (await getUnit(trx, unitId))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'unit', entityId: unitId, before, after }, ctx.now());
      return after;
    }),

  /** The same unit written two ways becomes one; its old name stays as an alias so later imports find it. */
  'units.merge': async ({ fromId, intoId }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const from = await getUnit(trx, fromId);
      const into = await getUnit(trx, intoId);
      if (!from) throw missing(fromId);
      if (!into) throw missing(intoId);
      const clashes = await mergeClashes(trx, fromId, intoId);
      if (clashes > 0) {
        throw new LedgerError(
          'CONFLICT',
          `“${from.name}”和“${into.name}”在同一报送期都填报了同一实事的进展（${clashes} 处），合并会把两份报告混为一份。请先核对并删除重复的一份。`,
        );
      }
      await mergeUnitRows(trx, fromId, intoId, from.name);
      const after = (await getUnit(trx, intoId))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'unit', entityId: intoId, before: { merged: from, into }, after }, ctx.now());
      return after;
    }),
} satisfies Partial<Handlers>;
