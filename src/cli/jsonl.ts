import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Lines of a stream, in order, without trailing carriage returns. */
export async function readLines(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) lines.push(line.replace(/\r$/, ''));
  return lines;
}
