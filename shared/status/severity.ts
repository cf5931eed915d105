import type { Judgement, Light, StatusClass } from './types';

/**
 * How much a judgement needs attention, for sorting worst first and for the monotonicity guarantees:
 * completed 0 < on schedule 1 < manual 2 < yellow 3 < missingReport 4 < red 5 < overdue 6.
 */
export function severityOf(j: Pick<Judgement, 'status' | 'light'>): number {
  return severity(j.status, j.light);
}

export function severity(status: StatusClass, light: Light): number {
  switch (status) {
    case 'completed':
      return 0;
    case 'overdue':
      return 6;
    case 'missingReport':
      return 4;
    case 'manual':
      return 2;
    default:
      return light === 'red' ? 5 : light === 'yellow' ? 3 : 1;
  }
}
