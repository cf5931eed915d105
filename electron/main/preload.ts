/**
 * Preload of the main window (sandboxed; bundled to one CommonJS file, dist/electron/preload.cjs).
 * Exposes exactly one thing to the page: `window.ledger.call(method, input)` (the LedgerApi contract).
 * No raw Electron API (ipcRenderer, events, channels) ever reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { LedgerApi } from '../../shared/api/contract';
import { createLedgerApi, installLedgerInMainWorld, ledgerChannel, ledgerGlobal, type Invoke } from './main-world';

/** The only door to main: one fixed channel, the method name and its input. */
const invoke: Invoke = (method, input) => ipcRenderer.invoke(ledgerChannel, method, input);

const api = createLedgerApi(invoke) satisfies LedgerApi;

function install(): void {
  // Preferred: build window.ledger inside the page's world so rejected Errors keep their `code`.
  if (typeof contextBridge.executeInMainWorld === 'function') {
    try {
      const installed: unknown = contextBridge.executeInMainWorld({
        func: installLedgerInMainWorld,
        args: [ledgerGlobal, invoke],
      });
      if (installed === true) return;
    } catch (error) {
      console.error('executeInMainWorld 失败，改用 exposeInMainWorld', error);
    }
  }
  contextBridge.exposeInMainWorld(ledgerGlobal, api);
}

install();
