import { spawn } from 'node:child_process';
import { LedgerError, toErrorPayload } from '../../shared/errors';
import type { Bridge, BridgeOptions } from '../serve/server';
import { defaultDbPath } from '../backend/paths';
import { appVersion } from '../backend/version';
import { assertRendererBuilt, rendererDir } from '../serve/renderer-dir';
import { intOption, parseOptions, requireOption } from './args';
import { call, globalOptions, helpOr, openBackendOrRecovery, print, withBackend, type CliIo, type Command } from './command';
import { fileCommands } from './commands/files';
import { ledgerCommands } from './commands/ledger';
import { helpText } from './help';
import { withCliHint } from './hints';

export type { CliIo } from './command';

/** Runs one CLI invocation and returns its exit code: 0 done, 2 failed. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === 'help') return void io.out(helpText), 0;
    if (command === '--version') return void io.out(appVersion + '\n'), 0;
    const run = commands[command];
    if (!run) throw new LedgerError('INVALID_INPUT', `没有“${command}”这个命令。用 --help 查看用法。`);
    return await run(rest, io);
  } catch (error) {
    const payload = toErrorPayload(error);
    payload.message = withCliHint(payload.message);
    if (wantsJson) io.out(JSON.stringify({ error: payload }) + '\n');
    else io.err(`错误：${payload.message}\n`);
    if (argv.includes('--debug') && error instanceof Error) io.err(`${error.stack ?? error.message}\n`);
    return 2;
  }
}

/** The bridge loads only for `serve`. */
const startBridge = async (options: BridgeOptions): Promise<Bridge> => (await import('../serve/server')).startBridge(options);

const commands: Record<string, Command> = {
  ...ledgerCommands,
  ...fileCommands,
  async init(args, io) {
    const { values } = parseOptions(args, globalOptions);
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      const info = await call(backend, 'app.info', {});
      return print(io, values, info, () => `台账数据库已就绪：${info.dbPath}（数据版本 ${info.schemaVersion}，日志模式 ${info.journalMode}）\n`);
    });
  },

  async serve(args, io) {
    const { values } = parseOptions(args, { ...globalOptions, port: { type: 'string' }, open: { type: 'boolean', default: false } });
    if (helpOr(values, io)) return 0;
    const staticDir = rendererDir(io.env);
    assertRendererBuilt(staticDir);
    // A damaged ledger still serves the app: it shows its recovery screen.
    const backend = await openBackendOrRecovery({ dbPath: values.db ?? defaultDbPath(io.env), prestartParser: true });
    try {
      const bridge = await startBridge({
        backend,
        staticDir,
        port: intOption(values.port, 'port') ?? 0,
      });
      // The URL is the first line: scripts and tests read it.
      io.out(`${bridge.url}\n`);
      io.err(`台账已在本机启动：请在浏览器中打开上面的地址。数据库：${backend.dbPath}。按 Ctrl+C 停止。\n`);
      if (values.open) openInBrowser(bridge.url);
      await io.untilStopped();
      await bridge.close();
      return 0;
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        throw new LedgerError('CONFLICT', `端口 ${values.port} 已被占用，请换一个端口或不指定 --port。`);
      }
      throw error;
    } finally {
      backend.close();
    }
  },

  async call(args, io) {
    const { values, positionals } = parseOptions(args, { ...globalOptions, input: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    const method = requireOption(positionals[0], '方法名（如 plans.list）');
    let input: unknown = {};
    if (values.input) {
      try {
        input = JSON.parse(values.input);
      } catch {
        throw new LedgerError('INVALID_INPUT', '--input 不是有效的 JSON。');
      }
    }
    return withBackend(values, io, async (backend) => {
      const result = await backend.call(method, input);
      io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    });
  },};

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // The URL is printed; opening a browser is only a convenience.
  }
}
