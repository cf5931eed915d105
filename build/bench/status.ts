/**
 * Status-engine budgets: 10,000 projects with 50,000 indicators under 100 ms (DESIGN §8), 50,000 projects with
 * 250,000 indicators under 400 ms (issue #13), and linear in the number of indicators: the curve at 1k / 10k /
 * 50k projects is printed, and the time per indicator at 50k may be at most LINEAR_SLACK × that at 10k.
 * Run with `npx tsx build/bench/status.ts`; medians of several timed runs; exits 1 when over.
 * Plans are generated from a fixed seed, so every run judges the same data.
 */
import type { Comparator, IndicatorKind } from '../../shared/domain';
import { defaultPreset, judgePlan, planWindow, ratioPreset } from '../../shared/status';
import type { IndicatorStatusInput, ProjectStatusInput, StatusClass } from '../../shared/status';
import { median, ms, reportBudgets, type BudgetLine } from './report';

/** Projects, with five indicators each on average; and the budget where there is one. */
const CURVE: { projects: number; budgetMs?: number }[] = [{ projects: 1_000 }, { projects: 10_000, budgetMs: 100 }, { projects: 50_000, budgetMs: 400 }];
const LINEAR_SLACK = 1.25;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 15;

/** mulberry32: a tiny seeded generator, so the data is the same on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kinds: readonly IndicatorKind[] = ['count', 'count', 'rate', 'amount', 'length', 'milestone'];
const deadlines = ['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2021-12-31', '2021-12-31'];
const overrideStatuses: readonly StatusClass[] = ['onTrack', 'lagging', 'completed'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function generatePlan(PROJECTS: number): ProjectStatusInput[] {
  const INDICATORS = PROJECTS * 5;
  const random = seededRandom(20210930);
  // Indicator counts 1–9 per project, adjusted so that the total is exactly INDICATORS.
  const counts = Array.from({ length: PROJECTS }, () => 1 + Math.floor(random() * 9));
  let excess = counts.reduce((a, b) => a + b, 0) - INDICATORS;
  for (let i = 0; excess !== 0; i = (i + 1) % PROJECTS) {
    const c = counts[i] as number;
    if (excess > 0 && c > 1) {
      counts[i] = c - 1;
      excess--;
    } else if (excess < 0 && c < 9) {
      counts[i] = c + 1;
      excess++;
    }
  }
  return counts.map((count, p): ProjectStatusInput => {
    const indicators: IndicatorStatusInput[] = [];
    for (let i = 0; i < count; i++) {
      const kind = pick(kinds, random);
      const comparator: Comparator = kind === 'rate' && random() < 0.2 ? '<=' : '>=';
      const target = kind === 'rate' ? 50 + Math.floor(random() * 50) : 1 + Math.floor(random() * 5000);
      const deadline = pick(deadlines, random);
      if (kind === 'milestone') {
        indicators.push({ name: `节点${i + 1}`, kind, comparator: '=', target: null, deadline, doneOn: random() < 0.5 ? '2021-05-15' : null });
      } else {
        indicators.push({
          name: `指标${i + 1}`,
          kind,
          comparator,
          target,
          unit: kind === 'rate' ? '%' : kind === 'amount' ? '万元' : kind === 'length' ? '公里' : '人',
          deadline: random() < 0.3 ? deadline : null,
          actual: random() < 0.05 ? null : Math.round(target * random() * 1.3 * 100) / 100,
        });
      }
    }
    const project: ProjectStatusInput = { id: p + 1, title: `实事${p + 1}`, reported: random() > 0.05, indicators };
    if (random() < 0.02) project.override = { status: pick(overrideStatuses, random), reason: '经督查核实' };
    if (random() < 0.01) project.markedDone = { reason: '已实现全覆盖' };
    return project;
  });
}

const window = planWindow(2021);
const lines: BudgetLine[] = [];
console.log('status engine, as of 2021-09-30 (median of ' + TIMED_RUNS + ' runs after ' + WARMUP_RUNS + ' warm-up runs):');
for (const preset of [defaultPreset, ratioPreset]) {
  const ctx = { asOf: '2021-09-30', preset, ...window };
  const perIndicator = new Map<number, number>();
  for (const { projects, budgetMs } of CURVE) {
    const plan = generatePlan(projects);
    const indicatorTotal = plan.reduce((sum, p) => sum + p.indicators.length, 0);
    for (let i = 0; i < WARMUP_RUNS; i++) judgePlan(plan, ctx);
    const times: number[] = [];
    let tally = new Map<string, number>();
    for (let i = 0; i < TIMED_RUNS; i++) {
      const start = performance.now();
      const judged = judgePlan(plan, ctx);
      times.push(performance.now() - start);
      tally = new Map();
      for (const j of judged) tally.set(j.status, (tally.get(j.status) ?? 0) + 1);
    }
    const at = median(times);
    perIndicator.set(projects, at / indicatorTotal);
    const size = `${projects.toLocaleString('en')} projects / ${indicatorTotal.toLocaleString('en')} indicators`;
    console.log(
      `  ${preset.name}, ${size}: ${at.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ` +
        `${((at / indicatorTotal) * 1e6).toFixed(0)} ns per indicator; ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    if (budgetMs) lines.push({ name: `status ${size} (${preset.name})`, budget: `< ${ms(budgetMs)}`, measured: `${at.toFixed(0)} ms`, ok: at < budgetMs });
  }
  const growth = perIndicator.get(50_000)! / perIndicator.get(10_000)!;
  lines.push({ name: `status per indicator, 50k vs 10k (${preset.name})`, budget: `≤ ${LINEAR_SLACK}× (linear)`, measured: `${growth.toFixed(2)}×`, ok: growth <= LINEAR_SLACK });
}
reportBudgets(lines);
