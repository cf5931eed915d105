import type { Handlers } from '../context';

export const appHandlers = {
  'app.info': async (_input, ctx) => ({
    version: ctx.appVersion,
    schemaVersion: ctx.ledger.schemaVersion,
    dbPath: ctx.ledger.file,
    journalMode: ctx.ledger.journalMode,
  }),
  // The ledger opened: nothing to recover. The recovery backend (recovery.ts) answers this when it did not.
  'app.recovery': async () => ({ damaged: false as const }),
} satisfies Partial<Handlers>;
