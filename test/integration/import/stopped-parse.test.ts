/**
 * A parse begun as a file is staged (Staging.stageReading) is stopped when another file is staged before any
 * read took it: ten files staged in a row must not parse at once, each on a thread of its own. The file set
 * aside is still there: reading it later parses it again, from the staged copy.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Staging } from '../../../electron/backend/features/import/staging';
import type * as Read from '../../../electron/backend/import/read';
import { readWorkbook } from '../../../electron/backend/import/read';
import { tempDir } from '../../helpers/temp';

/** The signal of each parse Staging begins, by file name. */
const signals = vi.hoisted(() => new Map<string, AbortSignal | undefined>());
vi.mock('../../../electron/backend/import/read', async (original) => {
  const real = await original<typeof Read>();
  return { ...real, readWorkbook: (bytes: Uint8Array, options: Read.ReadOptions) => (signals.set(options.fileName, options.signal), real.readWorkbook(bytes, options)) };
});

/** A CSV of some megabytes: its parse takes long enough to be stopped half-way. */
function bigCsv(rows: number, tag: string): Buffer {
  const lines = ['编号,工作任务,责任单位,工作进度'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${tag}第${i}项民生实事，全年完成培训${i % 9}万人次,县人社局,已完成${i % 100}%`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

let staging: Staging | undefined;
afterEach(() => staging?.close());

describe('a parse begun at staging', () => {
  it('fails at once with IMPORT_STOPPED when stopped, and its thread is ended', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const reading = readWorkbook(bigCsv(150_000, '甲'), { fileName: '大表.csv', handOver: true, signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    await expect(reading).rejects.toMatchObject({ code: 'IMPORT_STOPPED' });
    const stoppedAfter = performance.now() - started;
    const whole = performance.now();
    await readWorkbook(bigCsv(150_000, '甲'), { fileName: '大表.csv', handOver: true });
    // Stopped well before the parse would have ended.
    expect(stoppedAfter).toBeLessThan((performance.now() - whole) / 2);
  });

  it('is stopped when another file is staged, and the file set aside reads as it would have', async () => {
    staging = new Staging({ tmpRoot: tempDir() });
    const first = await staging.stageReading('甲.csv', bigCsv(50_000, '甲'));
    expect(signals.get('甲.csv')?.aborted).toBe(false);
    const second = await staging.stageReading('乙.csv', bigCsv(3, '乙'));
    expect(signals.get('甲.csv')?.aborted).toBe(true);
    expect(signals.get('乙.csv')?.aborted).toBe(false);
    expect((await staging.read(second.stagingId, undefined)).grid.cells[1]?.[1]).toBe('乙第1项民生实事，全年完成培训1万人次');
    const again = await staging.read(first.stagingId, undefined);
    expect(again.grid.cells).toHaveLength(50_001);
    expect(again.grid.cells[50_000]?.[1]).toBe('甲第50000项民生实事，全年完成培训5万人次');
  });
});
