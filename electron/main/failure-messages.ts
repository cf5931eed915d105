/**
 * What the user is told when the window cannot come up, in plain Chinese with the log file named, so that a
 * failure never leaves an invisible window or a page that silently cannot reach its backend. No 'electron' import.
 */
import { relayMessages } from '../backend/relay-protocol';

export interface FailureDialog {
  message: string;
  detail: string;
}

/** Chromium's net::ERR_ABORTED: a load replaced by another one (a reload, a redirect), not a failure. */
const errAborted = -3;

/** did-fail-load fires for subframes and for aborted loads too: only a failed load of the page itself counts. */
export function isPageLoadFailure(errorCode: number, isMainFrame: boolean): boolean {
  return isMainFrame && errorCode !== errAborted;
}

const sendLogs = (logFile: string) => `如仍出错，请把日志文件交给技术支持：${logFile}`;

export function pageLoadFailed(details: { errorCode: number; errorDescription: string; url: string }, logFile: string): FailureDialog {
  return {
    message: '程序界面无法加载',
    detail:
      `界面文件没有打开（${details.errorDescription || '未知错误'}，代码 ${details.errorCode}，地址 ${details.url}）。` +
      `可以点“重新加载”再试；如果反复出现，请重新安装程序。${sendLogs(logFile)}`,
  };
}

export function preloadFailed(error: unknown, logFile: string): FailureDialog {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    message: '程序组件加载失败',
    detail: `界面与后台之间的连接组件（预加载脚本）出错（${reason.slice(0, 200)}），界面中的操作都无法执行。请关闭并重新启动程序；${sendLogs(logFile)}`,
  };
}

/** The give-up dialog's text: the relay's message, then where the logs it asks for are. */
export function gaveUpDetail(logFile: string): string {
  return `${relayMessages.gaveUp}\n日志文件：${logFile}`;
}
