/**
 * The status bench's plan: five indicators per project on average (1–9 each), the usual mix of kinds and
 * deadlines, a few projects unreported, overridden or marked done. Generated from a fixed seed, so every run and
 * every machine judges the same data.
 */
import type { Comparator, IndicatorKind } from '../../shared/domain';
import type { IndicatorStatusInput, ProjectStatusInput, StatusClass } from '../../shared/status';
import { seededRandom } from '../../test/helpers/seeded-random';


const kinds: readonly IndicatorKind[] = ['count', 'count', 'rate', 'amount', 'length', 'milestone'];
const deadlines = ['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2021-12-31', '2021-12-31'];
const overrideStatuses: readonly StatusClass[] = ['onTrack', 'lagging', 'completed'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function generatePlan(PROJECTS: number): ProjectStatusInput[] {
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
