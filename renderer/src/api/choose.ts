import type { LedgerApi } from '../../../shared/api/contract';
import { LedgerError } from '../../../shared/errors';

/** Shown when the desktop app's page has no window.ledger: its preload failed (main logs why). */
export const preloadMissingMessage = '桌面程序的接口组件没有加载，操作无法执行。请关闭并重新启动程序；如仍出错，请把日志文件交给技术支持。';

/**
 * Which door the page talks through. Inside the desktop app (app://) only the preload's window.ledger: a page there
 * that fell back to fetch('./api') would ask its own app:// protocol, which serves files, for API answers. In a
 * browser (`ledger serve`) the loopback bridge.
 */
export function chooseApi(options: { protocol: string; ledger: LedgerApi | undefined; bridge: () => LedgerApi }): LedgerApi {
  if (options.ledger) return options.ledger;
  if (options.protocol === 'app:') {
    return {
      call: () => Promise.reject(new LedgerError('INTERNAL', preloadMissingMessage)),
    };
  }
  return options.bridge();
}
