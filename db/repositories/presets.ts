import type { Kysely } from 'kysely';
import { rulePresetSchema, type RulePreset } from '../../shared/status/presets';
import type { Database } from '../schema';

/** The office's own presets, every version (a judgement may name an old one). */
export async function listCustomPresets(db: Kysely<Database>): Promise<RulePreset[]> {
  const rows = await db.selectFrom('rulePresets').select('configJson').where('builtin', '=', 0).orderBy('name').orderBy('version').execute();
  return rows.flatMap((row) => {
    const parsed = rulePresetSchema.safeParse(JSON.parse(row.configJson));
    return parsed.success ? [parsed.data] : [];
  });
}

export async function insertPreset(db: Kysely<Database>, preset: RulePreset, now: string): Promise<void> {
  await db
    .insertInto('rulePresets')
    .values({ name: preset.name, version: preset.version, configJson: JSON.stringify(preset), builtin: 0, createdAt: now })
    .execute();
}
