/**
 * The figures thread's code as one CommonJS script. build/bundle.mjs puts it into the app's and the CLI's
 * bundles (`__LEDGER_FIGURES_THREAD__`); run from the TypeScript sources (tsx, Vitest) it is bundled here, once
 * per process, by the same function.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

declare const __LEDGER_FIGURES_THREAD__: string | undefined;

let fromSources: Promise<string> | null = null;

export function figuresThreadSource(): Promise<string> {
  if (typeof __LEDGER_FIGURES_THREAD__ === 'string') return Promise.resolve(__LEDGER_FIGURES_THREAD__);
  return (fromSources ??= bundleFromSources());
}

async function bundleFromSources(): Promise<string> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  // A path made at run time: the bundler (esbuild, a development tool) is not taken into the app's bundle.
  const bundler = pathToFileURL(path.join(root, 'build', 'bundle.mjs')).href;
  const { figuresThreadCode } = (await import(bundler)) as { figuresThreadCode: (root: string) => Promise<string> };
  return figuresThreadCode(root);
}
