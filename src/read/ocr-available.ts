/** Whether tesseract with the Chinese model is installed, for tests and benchmarks that need it. */
import { execFileSync } from 'node:child_process';

export function ocrAvailable(): boolean {
  try {
    const langs = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /^chi_sim$/m.test(langs) && /^eng$/m.test(langs);
  } catch {
    return false;
  }
}
