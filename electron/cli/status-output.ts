import type { StatusReport } from '../../shared/domain';
import { formatPercent } from '../../shared/status/format';
import { lightLabels, statusLabels } from '../../shared/status/labels';

/** The documented JSON shape of `ledger status --json`. */
export function statusJson(report: StatusReport) {
  return {
    asOf: report.asOf,
    preset: report.preset,
    projects: report.projects.map((p) => ({
      seq: p.seq,
      title: p.title,
      status: p.status,
      light: p.light,
      completion: p.completion,
      timeProgress: p.timeProgress,
      reasons: p.reasons,
      indicators: p.indicators,
      ...(p.override ? { computedStatus: p.computedStatus, override: p.override } : {}),
    })),
  };
}

export function statusText(report: StatusReport): string {
  const lines = [`截至 ${report.asOf}，按“${report.preset.name}”规则（第 ${report.preset.version} 版）判定：`];
  for (const p of report.projects) {
    const completion = p.completion === null ? '—' : formatPercent(p.completion);
    lines.push(
      `${String(p.seq).padStart(3)}. [${lightLabels[p.light]}] ${statusLabels[p.status]}  完成 ${completion}  时序 ${formatPercent(p.timeProgress)}  ${p.title}`,
    );
    for (const reason of p.reasons) lines.push(`       ${reason}`);
  }
  return lines.join('\n') + '\n';
}
