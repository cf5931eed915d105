/** The status engine: pure, deterministic judgement of projects against their schedule (DESIGN §4). */
export * from './engine';
export * from './format';
export * from './labels';
export * from './presets';
export * from './reasons';
export * from './schedule';
export * from './severity';
export * from './types';
export * from './stated';
