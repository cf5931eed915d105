import type { Handlers } from '../context';

export const appHandlers = {
  'app.info': async (_input, ctx) => ({
    version: ctx.appVersion,
    schemaVersion: ctx.ledger.schemaVersion,
    dbPath: ctx.ledger.file,
    journalMode: ctx.ledger.journalMode,
  }),
} satisfies Partial<Handlers>;
