import { listPeopleNames, listUnitNames } from '../../../db/repositories/directory';
import type { Handlers } from '../context';

export const directoryHandlers = {
  'directory.units': async (_input, ctx) => listUnitNames(ctx.db),
  'directory.people': async (_input, ctx) => listPeopleNames(ctx.db),
} satisfies Partial<Handlers>;
