// Types for start-lib.mjs (plain JS so `npm start` runs without a TypeScript loader).
export function electronPlatformPath(platform: NodeJS.Platform): string;
export function findElectronBinary(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
  readText?: (file: string) => string | null;
}): { path: string; found: boolean };
export function electronVersion(root: string): string;
export function newestMtime(paths: string[]): number;
export function isStale(outputs: string[], inputs: string[]): boolean;
export function buildPlan(root: string): {
  renderer: { inputs: string[]; outputs: string[] };
  electron: { inputs: string[]; outputs: string[] };
};
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export const missingElectronMessage: string;
export function sandboxAbortHint(stderr: string, electronDir: string): string | null;
