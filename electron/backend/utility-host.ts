/**
 * Entry of the backend's Electron utility process (bundled to dist/electron/utility-host.cjs).
 * It opens the database with the options main passed in the environment, then answers calls
 * relayed by main over `process.parentPort`. Plain Node: no 'electron' import (lint forbids it here);
 * the only Electron thing it touches is `process.parentPort`, typed locally below.
 */
import { openBackendOrRecovery } from './recovery';
import { startRelayHost, type ParentPortLike } from './relay-host';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

if (!parentPort) {
  console.error('utility-host 只能由桌面程序的主进程以 utilityProcess 启动。');
  process.exit(2);
}

process.on('unhandledRejection', (reason) => {
  console.error('[ledger-backend] 未处理的异步错误', reason);
});

startRelayHost(parentPort, {
  env: process.env,
  // A damaged ledger opens as its recovery screen, not as an error in a log.
  open: openBackendOrRecovery,
  exit: (code) => process.exit(code),
});
