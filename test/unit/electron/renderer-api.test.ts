import { describe, expect, it } from 'vitest';
import type { LedgerApi } from '../../../shared/api/contract';
import { chooseApi, preloadMissingMessage } from '../../../renderer/src/api/choose';

const bridge: LedgerApi = { call: async () => 'bridge' as never };
const ledger: LedgerApi = { call: async () => 'ipc' as never };

describe('which door the page talks through', () => {
  it('uses the preload’s window.ledger whenever it is there', async () => {
    await expect(chooseApi({ protocol: 'app:', ledger, bridge: () => bridge }).call('plans.list', {})).resolves.toBe('ipc');
  });

  it('never falls back to the loopback bridge inside the desktop app when the preload failed', async () => {
    let bridgeMade = false;
    const api = chooseApi({ protocol: 'app:', ledger: undefined, bridge: () => ((bridgeMade = true), bridge) });
    await expect(api.call('plans.list', {})).rejects.toMatchObject({ code: 'INTERNAL', message: preloadMissingMessage });
    expect(bridgeMade).toBe(false);
    expect(preloadMissingMessage).toMatch(/^桌面程序的接口组件没有加载/);
  });

  it('uses the bridge in a browser', async () => {
    await expect(chooseApi({ protocol: 'http:', ledger: undefined, bridge: () => bridge }).call('plans.list', {})).resolves.toBe('bridge');
  });
});
