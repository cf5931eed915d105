/**
 * How to start the app again after the backend gave up. `app.relaunch()` restarts `process.execPath`, which in the
 * portable Windows build is the copy unpacked to a temporary folder (deleted as the app quits) and in an AppImage is
 * the binary inside its mount point (unmounted as the app quits): nothing would start. Both launchers name the real
 * file in the environment — PORTABLE_EXECUTABLE_FILE (electron-builder's portable target) and APPIMAGE — so relaunch
 * that. No 'electron' import: main.ts passes the result to app.relaunch().
 */
export interface RelaunchOptions {
  execPath?: string;
  args?: string[];
}

/** `argv` is process.argv; for a packaged app argv[0] is the executable and the rest are the user's arguments. */
export function relaunchOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): RelaunchOptions {
  const launcher = env.PORTABLE_EXECUTABLE_FILE || env.APPIMAGE;
  if (!launcher) return {};
  return { execPath: launcher, args: argv.slice(1) };
}
