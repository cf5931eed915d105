/**
 * Bulletin budget (DESIGN §8): a 督查通报 of 300 projects — the model built from a signed revision's source and the
 * .docx written — in under 1 s. Run with `npx tsx build/bench/bulletin.ts`; prints the median of a few runs and exits
 * 1 when over budget. Projects cycle through seed 002's 19 (every group, per-unit progress on some), so the document
 * is the real shape at sixteen times its size.
 */
import { buildBulletin } from '../../shared/bulletin';
import type { BulletinItem, BulletinSource } from '../../shared/bulletin/types';
import { writeBulletinDocx } from '../../electron/backend/export/bulletin-docx';
import { seed002BulletinOptions, seed002Source } from '../../test/fixtures/bulletin/sources';

const PROJECTS = 300;
const BUDGET_MS = 1_000;
const TIMED_RUNS = 5;

function bigSource(): BulletinSource {
  const seed = seed002Source();
  const items: BulletinItem[] = Array.from({ length: PROJECTS }, (_, i) => {
    const base = seed.items[i % seed.items.length]!;
    const split = i % 4 === 0 ? [{ unit: '区财政局', text: '资金已拨付到位，正在跟踪使用情况。' }] : [];
    return { ...base, seq: String(i + 1), title: `${base.title}（${i + 1}）`, progress: [...base.progress, ...split] };
  });
  return { ...seed, items };
}

async function once(source: BulletinSource): Promise<{ ms: number; bytes: number; blocks: number }> {
  const start = performance.now();
  const document = buildBulletin(source, seed002BulletinOptions);
  const bytes = await writeBulletinDocx(document, { creator: 'bench' });
  return { ms: performance.now() - start, bytes: bytes.byteLength, blocks: document.blocks.length };
}

const source = bigSource();
await once(source); // warm-up: module initialisation and JIT are not the user's wait
const runs = [];
for (let i = 0; i < TIMED_RUNS; i++) runs.push(await once(source));
const median = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(TIMED_RUNS / 2)]!;
const over = median > BUDGET_MS;
console.log(
  `bulletin: ${PROJECTS} projects → ${runs[0]!.blocks} paragraphs, ${(runs[0]!.bytes / 1024).toFixed(0)} KB .docx in ${median.toFixed(0)} ms (median of ${TIMED_RUNS}; budget ${BUDGET_MS} ms)${over ? '  OVER BUDGET' : ''}`,
);
process.exitCode = over ? 1 : 0;
