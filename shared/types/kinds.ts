/** The kinds of indicator and the comparators a target is held to: the vocabulary every other type builds on. */
export const indicatorKinds = ['count', 'rate', 'amount', 'length', 'milestone'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const comparators = ['>=', '<=', '='] as const;
export type Comparator = (typeof comparators)[number];
