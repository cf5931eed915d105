import { LedgerError } from '../../../shared/errors';
import type { Settings } from '../../../shared/domain';
import { builtinPresets, createCustomPreset, reviseCustomPreset } from '../../../shared/status/presets';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../db/repositories/audit';
import { insertPreset, listCustomPresets } from '../../../db/repositories/presets';
import { readSetting, writeSetting } from '../../../db/repositories/settings';
import type { Database } from '../../../db/schema';
import type { Handlers } from '../context';
import { officeSettingKey } from './signoff/snapshot';
import { presetSettingKey, resolvePreset } from './status';

const userNameKey = 'userName';
const officeLevelKey = 'officeLevel';
const officeRegionKey = 'officeRegion';
const customName = 'custom';

export async function readSettings(db: Kysely<Database>, fallbackUser: string): Promise<Settings> {
  return {
    userName: await readSetting(db, userNameKey, fallbackUser),
    officeName: await readSetting(db, officeSettingKey, ''),
    officeLevel: await readSetting<Settings['officeLevel']>(db, officeLevelKey, ''),
    officeRegion: await readSetting(db, officeRegionKey, ''),
    presetName: await readSetting(db, presetSettingKey, 'default'),
  };
}

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => readSettings(ctx.db, ctx.actor),

  'settings.update': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await readSettings(trx, ctx.actor);
      if (input.presetName !== undefined) await resolvePreset(trx, input.presetName);
      if (input.userName !== undefined) await writeSetting(trx, userNameKey, input.userName);
      if (input.presetName !== undefined) await writeSetting(trx, presetSettingKey, input.presetName);
      if (input.officeName !== undefined) await writeSetting(trx, officeSettingKey, input.officeName);
      if (input.officeLevel !== undefined) await writeSetting(trx, officeLevelKey, input.officeLevel);
      if (input.officeRegion !== undefined) await writeSetting(trx, officeRegionKey, input.officeRegion);
      const after = await readSettings(trx, ctx.actor);
      if (input.userName) ctx.actor = input.userName;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'settings', entityId: null, before, after }, ctx.now());
      return after;
    }),

  'presets.list': async (_input, ctx) => {
    const custom = await listCustomPresets(ctx.db);
    const latestCustom = custom.filter((p) => p.name === customName).at(-1);
    return [...builtinPresets, ...(latestCustom ? [latestCustom] : [])];
  },

  /** The office's own rule: each save is a new version, so old judgements still name what produced them. */
  'presets.saveCustom': async ({ kind, ...thresholds }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const current = (await listCustomPresets(trx)).filter((p) => p.name === customName).at(-1);
      const base = builtinPresets.find((p) => p.kind === kind)!;
      let preset;
      try {
        preset =
          current && current.kind === kind
            ? reviseCustomPreset(current, thresholds)
            : { ...createCustomPreset(base, customName, thresholds), version: (current?.version ?? 0) + 1 };
      } catch (error) {
        throw new LedgerError('INVALID_INPUT', (error as Error).message);
      }
      const now = ctx.now();
      await insertPreset(trx, preset, now);
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'preset', entityId: preset.version, after: preset }, now);
      return preset;
    }),
} satisfies Partial<Handlers>;
