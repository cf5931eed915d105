import { runCli } from '../../electron/cli/run';

/** The `ledger` CLI run in this process with its output captured: fast, for behaviour. */
export async function runCaptured(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env, untilStopped: () => Promise.resolve() });
  return { code, out, err };
}
