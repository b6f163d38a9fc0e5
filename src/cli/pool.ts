/**
 * Many inputs across all cores: a worker pool for batches, the main thread for one file (no
 * start-up cost). Results come back in input order; progress is reported as each finishes.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { InputFile } from './inputs.js';
import { processInput, type FileResult } from './process.js';

export async function processAll(inputs: InputFile[], opts: { jobs?: number; onDone?: (done: number, total: number) => void } = {}): Promise<FileResult[][]> {
  const total = inputs.length;
  let done = 0;
  const tick = () => opts.onDone?.(++done, total);
  const jobs = Math.max(1, opts.jobs ?? os.availableParallelism());
  if (total <= 1 || jobs === 1) {
    const out: FileResult[][] = [];
    for (const input of inputs) {
      out.push(await processInput(input));
      tick();
    }
    return out;
  }
  const pool = new Piscina({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    maxThreads: Math.min(jobs, total),
    minThreads: 1,
    idleTimeout: 1000,
  });
  try {
    return await Promise.all(
      inputs.map(async (input) => {
        const r = (await pool.run(input)) as FileResult[];
        tick();
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
