// Types for bundle.mjs (plain JS so it runs without a TypeScript loader).
export const projectRoot: string;
export const bundles: ReadonlyArray<{ entry: string; out: string; target: string[] }>;
export function bundleElectron(options?: { root?: string; minify?: boolean; outDir?: string; only?: string[] }): Promise<string[]>;
export function checkPreload(file: string): Promise<void>;
export const cliBundle: { entry: string; outDir: string; out: string };
export function bundleCli(options?: { root?: string; outDir?: string }): Promise<string>;
export function bundleBenchScript(entry: string): Promise<string>;
