import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the shared code', () => {
  it('has no import cycles, type-only imports included (domain types at the bottom)', () => {
    const out = execFileSync(process.execPath, ['build/check-cycles.mjs', 'shared', 'electron', 'db', 'renderer/src'], { encoding: 'utf8' });
    expect(out).toMatch(/ 0 import cycle\(s\)/);
  });
});
