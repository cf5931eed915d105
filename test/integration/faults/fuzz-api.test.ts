import Sqlite from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../../shared/api/contract';
import { LedgerError } from '../../../shared/errors';
import { testBackend } from '../../helpers/backend';

/** Values that are almost right and the hostile ones: ids that exist or not, odd numbers, odd text, odd dates. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '\u0000', '\u200b\u200b', '\ud800', '叶县\u0007', '2022年省民生实事叶县', '县残联', '实施残疾儿童康复救助', 'a'.repeat(400)),
);
const dates = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('2022-07-25', '2022-01-01', '2022-12-31', '2022-09-30') },
  { weight: 1, arbitrary: fc.constantFrom('2022-02-30', '9999-12-31', '1999-01-01') },
);
/** Mostly ordinary text, so that whole inputs pass validation often; now and then a hostile string. */
const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('县残联', '2022年县重点民生实事', '实施残疾儿童康复救助', '张三', '救助 12 人', '人', '2022年省民生实事叶县') },
  { weight: 1, arbitrary: hostileText },
);
const numbers = fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(0.5, -70, 1e308, Number.MAX_SAFE_INTEGER, 120, 2022, 100), fc.double());

interface Def {
  type: string;
  format?: string;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
  entries?: Record<string, string>;
}

/**
 * Input shaped by the method's own schema — the right fields, mostly the right types, with hostile values
 * mixed in — so that fuzzing reaches the handlers and the database, not only the validator.
 */
function arbitraryOf(def: Def, depth = 0): fc.Arbitrary<unknown> {
  const inner = (d: { _zod: { def: Def } } | undefined) => arbitraryOf(d!._zod.def, depth + 1);
  switch (def.type) {
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
    case 'catch':
    case 'readonly':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'pipe':
      return inner(def.in);
    case 'string':
      return def.format === 'date' ? dates : text;
    case 'number':
      return def.format === 'safeint'
        ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 2, arbitrary: fc.constant(2022) }, { weight: 1, arbitrary: numbers })
        : numbers;
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries!)) }, { weight: 1, arbitrary: text });
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(inner(def.element), { maxLength: 3 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape!).map(([key, field]) => [key, arbitraryOf(field._zod.def, depth + 1)])));
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

const inputFor = (method: MethodName) =>
  fc.oneof(
    { weight: 5, arbitrary: arbitraryOf((contract[method].input as unknown as { _zod: { def: Def } })._zod.def) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
  );

// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('every API method, fed fuzzed input through the real backend', () => {
  it('answers with a result or a typed error, never INTERNAL, and stores no control or broken characters', async () => {
    const backend = await testBackend();
    // Something for ids 1–3 to find.
    const plan = await backend.do('plans.create', { year: 2022, level: 'county', name: '2022年县重点民生实事' });
    const project = await backend.do('projects.create', { planId: plan.id, title: '实施残疾儿童康复救助', leadUnits: ['县残联'] });
    await backend.do('indicators.create', { projectId: project.id, name: '救助人数', kind: 'count', target: 70, unit: '人' });
    await backend.do('periods.create', { planId: plan.id, kind: 'month', asOf: '2022-07-31' });
    // Those that replace the ledger or write files elsewhere are exercised by their own tests.
    const skipped = new Set<MethodName>(['backups.restore', 'backups.create']);
    const internal: string[] = [];
    const succeeded = new Map<MethodName, number>();
    for (const method of methodNames.filter((m) => !skipped.has(m))) {
      await fc.assert(
        fc.asyncProperty(inputFor(method), async (input) => {
          try {
            await backend.call(method, input);
            succeeded.set(method, (succeeded.get(method) ?? 0) + 1);
          } catch (error) {
            if (!(error instanceof LedgerError) || error.code === 'INTERNAL') internal.push(`${method} ${JSON.stringify(input)}: ${String(error)}`);
          }
        }),
        { numRuns: 25, seed: 15 },
      );
    }
    const file = backend.dbPath;
    backend.close();
    expect(internal).toEqual([]);
    // Most methods were reached past validation at least once: the fuzzing got into the handlers.
    expect(succeeded.size).toBeGreaterThan(methodNames.length / 2);

    const raw = new Sqlite(file, { readonly: true });
    const garbage: string[] = [];
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, cell] of Object.entries(row)) if (typeof cell === 'string' && control.test(cell)) garbage.push(`${name}.${column}: ${JSON.stringify(cell)}`);
      }
    }
    raw.close();
    expect(garbage).toEqual([]);
  }, 60_000);
});
