import type { Input, LedgerApi, MethodName, Output } from '../../../shared/api/contract';
import { fromErrorPayload, LedgerError } from '../../../shared/errors';
import { chooseApi } from './choose';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    ledger?: LedgerApi;
  }
}

const tokenKey = 'ledger-token';

/** The loopback bridge's per-launch token: from the URL once, then from this tab's session. */
function bridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey);
}

function bridgeClient(): LedgerApi {
  const token = bridgeToken();
  return {
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      let response: Response;
      try {
        response = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token ?? '' },
          body: JSON.stringify(input),
        });
      } catch {
        throw new LedgerError('INTERNAL', '无法连接台账服务：请确认 ledger serve 仍在运行。');
      }
      const body = (await response.json().catch(() => null)) as { ok?: boolean; result?: unknown; error?: unknown } | null;
      if (body?.ok) return body.result as Output<M>;
      throw fromErrorPayload(body?.error);
    },
  };
}

/** One typed API object, whichever door the app came through (never the bridge inside the desktop app). */
export const api: LedgerApi = chooseApi({ protocol: window.location.protocol, ledger: window.ledger, bridge: bridgeClient });

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
