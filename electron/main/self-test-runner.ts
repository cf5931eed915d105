/**
 * The self-test's life in the real main process: run the steps once the page has loaded, or report the first thing
 * that kept them from running; then print one JSON line, close the database, remove the temporary data folder and
 * exit 0 or 1. main.ts supplies the Electron parts (executeJavaScript, app.exit); no 'electron' import here.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { failedBeforeSteps, runSelfTest, selfTestTimeoutMs, type SelfTestReport, type SheetWriter } from './self-test';
import { pageLedger, pageProbeStep, type Execute } from './self-test-page';

export interface SelfTestRunnerOptions {
  dataDir: string;
  /** dist/electron, where the SheetJS copy for the import worker sits (sheetjs/xlsx.js). */
  bundleDir: string;
  reportFile?: string;
  electron?: string;
  writeLine: (line: string) => void;
  log: (message: string, detail?: unknown) => void;
  /** Closes the database (the backend supervisor's shutdown). */
  shutdown: () => Promise<void>;
  exit: (code: number) => void;
}

export class SelfTestRunner {
  private finished = false;

  constructor(private readonly options: SelfTestRunnerOptions) {}

  /** Reports 'timeout' if nothing finished the self-test in time. */
  startTimer(ms = selfTestTimeoutMs): void {
    setTimeout(() => void this.failBefore('timeout', `自检超过 ${ms / 1000} 秒仍未完成`), ms).unref?.();
  }

  /** The steps, through the page's own window.ledger. */
  async run(execute: Execute): Promise<void> {
    let xlsx: SheetWriter;
    try {
      // The SheetJS copy shipped beside the bundle for the import worker writes the test's workbook.
      xlsx = createRequire(path.join(this.options.bundleDir, 'main.cjs'))(path.join(this.options.bundleDir, 'sheetjs', 'xlsx.js')) as SheetWriter;
    } catch (error) {
      await this.failBefore('sheetjs', error instanceof Error ? error.message : String(error));
      return;
    }
    const before = [pageProbeStep(execute)];
    await this.finish(await runSelfTest(pageLedger(execute), { xlsx, transport: 'bytes', before, electron: this.options.electron }));
  }

  /** Something kept the steps from running: the page, the preload, the backend, time. */
  failBefore(step: string, error: string): Promise<void> {
    return this.finish(failedBeforeSteps(step, error, this.options.electron));
  }

  private async finish(report: SelfTestReport): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const line = JSON.stringify(report);
    this.options.writeLine(line);
    if (this.options.reportFile) {
      try {
        fs.writeFileSync(path.resolve(this.options.reportFile), `${line}\n`);
      } catch (error) {
        this.options.log('无法写入自检结果文件', error);
      }
    }
    try {
      await this.options.shutdown();
    } finally {
      fs.rmSync(this.options.dataDir, { recursive: true, force: true, maxRetries: 3 });
      this.options.exit(report.ok ? 0 : 1);
    }
  }
}
