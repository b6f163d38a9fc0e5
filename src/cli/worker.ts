/** Worker thread entry for batches: one input per task. */
import type { InputFile } from './inputs.js';
import { processInput, type FileResult } from './process.js';

export default function run(input: InputFile): Promise<FileResult[]> {
  return processInput(input);
}
