import { lineSlack } from './indicator';
import type { RulePreset } from './presets';
import type { Light, StatusClass } from './types';

/** Lights under a preset: from lateness, for a computed class, and for a person's class (DESIGN §4). */

/** Light from lateness under the preset; strict "more than" at each line. */
export function latenessLight(worstBehindPoints: number, worstRatio: number, preset: RulePreset): Light {
  if (preset.kind === 'gap') {
    if (worstBehindPoints > preset.redGap + lineSlack) return 'red';
    if (worstBehindPoints > preset.yellowGap + lineSlack) return 'yellow';
    return 'green';
  }
  if (worstRatio < preset.redBelow - lineSlack) return 'red';
  if (worstRatio < preset.yellowBelow - lineSlack) return 'yellow';
  return 'green';
}

export function lightOfComputed(status: StatusClass, lateness: Light, preset: RulePreset): Light {
  switch (status) {
    case 'completed':
      return 'green';
    case 'overdue':
      return 'red';
    case 'missingReport':
      return preset.missingReportLight;
    case 'manual':
      return 'none';
    default:
      return lateness;
  }
}

/** The light shown for a person's class: what that class means, refined by the measured lateness. */
export function lightOfOverride(status: StatusClass, lateness: Light, preset: RulePreset): Light {
  if (status === 'onTrack') return 'green';
  if (status === 'lagging') return lateness === 'red' ? 'red' : 'yellow';
  if (status === 'notStarted') return lateness;
  return lightOfComputed(status, lateness, preset);
}
