import path from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { tempDir } from './temp';

export interface TestBackend extends Backend {
  /** Typed call, as the renderer makes it. */
  do<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** A real backend over a real SQLite file in a fresh folder. */
export async function testBackend(file = path.join(tempDir(), 'ledger.sqlite')): Promise<TestBackend> {
  const backend = await openBackend({ dbPath: file, actor: '测试员', now: () => new Date('2022-10-25T08:00:00Z') });
  return Object.assign(backend, {
    do: <M extends MethodName>(method: M, input: Input<M>) => backend.call(method, input) as Promise<Output<M>>,
  });
}
