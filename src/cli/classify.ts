import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { buildEngine } from '../knowledge/engine';
import { loadKnowledge } from '../knowledge/load';
import { Engine } from '../nlu/engine';
import { LANGS, type Example } from '../nlu/types';
import { readLines } from './jsonl';

const USAGE = 'usage: npm run -s classify -- [--train FILE] < queries.jsonl';

/** Labels that mark an out-of-scope training example in a foreign data set. */
const OUT_OF_SCOPE_LABELS = new Set(['oos', 'out_of_scope']);

const queryLine = z.object({ text: z.string(), lang: z.enum(LANGS).optional() });
const trainLine = z.object({ text: z.string(), intent: z.string().nullable(), lang: z.enum(LANGS).optional() });

function parseArgs(argv: string[]): { train?: string } {
  const out: { train?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--train') {
      const file = argv[i + 1];
      if (!file) throw new Error(`--train needs a file\n${USAGE}`);
      out.train = file;
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return out;
}

async function readTraining(file: string): Promise<Example[]> {
  const lines = await readLines(createReadStream(file, 'utf8'));
  const examples: Example[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const result = trainLine.safeParse(parsed);
    if (!result.success) throw new Error(`${file}:${i + 1}: ${result.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
    const { text, intent, lang } = result.data;
    const outOfScope = intent === null || OUT_OF_SCOPE_LABELS.has(intent.toLowerCase());
    examples.push({ text, intent: outOfScope ? null : intent, ...(lang ? { lang } : {}) });
  });
  if (examples.length === 0) throw new Error(`${file}: no training examples`);
  return examples;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // A foreign data set is measured with the engine alone: the knowledge base's concept lexicon is about this domain.
  const engine = args.train ? Engine.train(await readTraining(args.train)) : buildEngine(loadKnowledge());
  const lines = await readLines(process.stdin);
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const query = queryLine.safeParse(parsed);
    if (!query.success) {
      out.push(JSON.stringify({ intent: null, score: 0, lang: 'en', error: 'expected {"text": string, "lang"?: "da"|"fr"|"en"}' }));
      continue;
    }
    const result = engine.classify(query.data.text, query.data.lang);
    out.push(JSON.stringify({ intent: result.intent, score: result.score, lang: result.lang }));
  }
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
}

main().catch((error: unknown) => {
  process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
