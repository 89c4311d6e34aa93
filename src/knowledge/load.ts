import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { LANGS, type Example, type Lang } from '../nlu/types';
import {
  conceptsFileSchema,
  examplesFileSchema,
  intentsFileSchema,
  testsFileSchema,
  type ConceptsFile,
  type ExamplesFile,
  type IntentDefinition,
  type IntentsFile,
  type TestsFile,
} from './schema';

/** The knowledge folder shipped with the project. */
export const KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'knowledge');

/** A knowledge file that cannot be used: names the file, the place inside it, and what is wrong. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'KnowledgeError';
  }
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts.length === 0 ? '(top level)' : parts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KnowledgeError(file, [`is not valid JSON (${(error as Error).message})`]);
  }
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) {
    throw new KnowledgeError(
      file,
      result.error.issues.slice(0, 10).map((issue) => `at ${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  return result.data;
}

export interface Knowledge {
  dir: string;
  source: string;
  intents: readonly IntentDefinition[];
  byId: ReadonlyMap<string, IntentDefinition>;
  examples: Readonly<Record<Lang, ExamplesFile>>;
  /** Concept name -> words and phrases per language (knowledge/concepts/{lang}.json). */
  concepts: Record<string, Partial<Record<Lang, string[]>>>;
}

function checkCoverage(file: string, lang: Lang, declared: Lang, intents: IntentsFile, listed: Record<string, string[]>): void {
  const problems: string[] = [];
  if (declared !== lang) problems.push(`at lang: says "${declared}" but the file is for "${lang}"`);
  const ids = new Set(intents.intents.map((i) => i.id));
  for (const id of ids) if (!listed[id]) problems.push(`at intents.${id}: missing (every intent needs questions in every language)`);
  for (const id of Object.keys(listed)) if (!ids.has(id)) problems.push(`at intents.${id}: not an intent of intents.json`);
  if (problems.length > 0) throw new KnowledgeError(file, problems);
}

/** Reads and checks the whole knowledge base; throws KnowledgeError on the first broken file. */
export function loadKnowledge(dir: string = KNOWLEDGE_DIR): Knowledge {
  const intentsPath = path.join(dir, 'intents.json');
  const intents = parseFile(intentsPath, intentsFileSchema);
  const examples = {} as Record<Lang, ExamplesFile>;
  for (const lang of LANGS) {
    const file = path.join(dir, 'examples', `${lang}.json`);
    const parsed = parseFile(file, examplesFileSchema);
    checkCoverage(file, lang, parsed.lang, intents, parsed.intents);
    examples[lang] = parsed;
  }
  const concepts: Knowledge['concepts'] = {};
  for (const lang of LANGS) {
    const file = path.join(dir, 'concepts', `${lang}.json`);
    const parsed: ConceptsFile = parseFile(file, conceptsFileSchema);
    if (parsed.lang !== lang) throw new KnowledgeError(file, [`at lang: says "${parsed.lang}" but the file is for "${lang}"`]);
    for (const [name, phrases] of Object.entries(parsed.concepts)) (concepts[name] ??= {})[lang] = phrases;
  }
  return {
    dir,
    concepts,
    source: intents.source,
    intents: intents.intents,
    byId: new Map(intents.intents.map((i) => [i.id, i])),
    examples,
  };
}

/** Reads and checks the held-out test questions (never used for training). */
export function loadTests(knowledge: Knowledge): Record<Lang, TestsFile> {
  const tests = {} as Record<Lang, TestsFile>;
  const intents: IntentsFile = { source: knowledge.source, intents: [...knowledge.intents] };
  for (const lang of LANGS) {
    const file = path.join(knowledge.dir, 'tests', `${lang}.json`);
    const parsed = parseFile(file, testsFileSchema);
    checkCoverage(file, lang, parsed.lang, intents, parsed.intents);
    tests[lang] = parsed;
  }
  return tests;
}

/** Training examples of every language, out-of-scope ones with a null intent. */
export function trainingExamples(knowledge: Knowledge): Example[] {
  const out: Example[] = [];
  for (const lang of LANGS) {
    const file = knowledge.examples[lang];
    for (const [intent, questions] of Object.entries(file.intents)) {
      for (const text of questions) out.push({ text, intent, lang });
    }
    for (const text of file.outOfScope) out.push({ text, intent: null, lang });
  }
  return out;
}
