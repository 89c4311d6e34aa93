import { loadKnowledge, loadTests, trainingExamples, type Knowledge } from '../knowledge/load';
import { buildEngine } from '../knowledge/engine';
import type { Engine } from '../nlu/engine';
import { measure, meetsBars, pct, BARS, type LabelledQuery, type Metrics } from '../nlu/evaluate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isQuestion, scoreDetection, type DetectionScore } from '../nlu/detect-eval';
import { LANGS, type Example, type Lang } from '../nlu/types';

const FOLDS = 5;

function heldOutQueries(): { engine: Engine; queries: LabelledQuery[]; examples: Example[]; knowledge: Knowledge } {
  const knowledge = loadKnowledge();
  const tests = loadTests(knowledge);
  const examples = trainingExamples(knowledge);
  const queries: LabelledQuery[] = [];
  for (const lang of LANGS) {
    for (const [intent, list] of Object.entries(tests[lang].intents)) for (const text of list) queries.push({ text, intent, lang });
    for (const text of tests[lang].outOfScope) queries.push({ text, intent: null, lang });
  }
  return { engine: buildEngine(knowledge, examples), queries, examples, knowledge };
}

function line(label: string, m: Metrics): string {
  return [
    label.padEnd(8),
    String(m.inScope).padStart(5),
    String(m.outOfScope).padStart(5),
    pct(m.accuracy).padStart(9),
    m.macroF1.toFixed(3).padStart(9),
    pct(m.outOfScopePrecision).padStart(9),
    pct(m.outOfScopeRecall).padStart(9),
    pct(m.inScopeDeclined).padStart(9),
    pct(m.answeredDirectly).padStart(9),
    m.calibrationError.toFixed(3).padStart(7),
  ].join(' ');
}

const HEADER = `${'lang'.padEnd(8)} ${'in'.padStart(5)} ${'oos'.padStart(5)} ${'accuracy'.padStart(9)} ${'macro-F1'.padStart(9)} ${'oos-prec'.padStart(9)} ${'oos-rec'.padStart(9)} ${'in-decl'.padStart(9)} ${'direct'.padStart(9)} ${'ECE'.padStart(7)}`;

/** K-fold cross-validation of the whole engine (its own calibration included) over the examples. */
function crossValidate(knowledge: Knowledge, examples: readonly Example[]): Record<Lang | 'all', Metrics> {
  const predictions: Array<{ query: LabelledQuery; result: ReturnType<Engine['classify']> }> = [];
  for (let f = 0; f < FOLDS; f += 1) {
    const train = examples.filter((_, i) => i % FOLDS !== f);
    const test = examples.filter((_, i) => i % FOLDS === f);
    const engine = buildEngine(knowledge, train);
    for (const e of test) {
      const lang = e.lang ?? 'en';
      predictions.push({ query: { text: e.text, intent: e.intent, lang }, result: engine.classify(e.text, e.lang) });
    }
  }
  const out = {} as Record<Lang | 'all', Metrics>;
  for (const lang of [...LANGS, 'all'] as const) {
    const chosen = predictions.filter((p) => lang === 'all' || p.query.lang === lang);
    out[lang] = measure(chosen.map((p) => p.query), chosen.map((p) => p.result));
  }
  return out;
}

/** Language detection on one- and two-word inputs and on the held-out questions. */
function detection(engine: Engine, knowledge: Knowledge, queries: readonly LabelledQuery[]): { short: DetectionScore[]; questions: DetectionScore[] } {
  const file = path.join(knowledge.dir, 'tests', 'language-short-inputs.json');
  const short = JSON.parse(readFileSync(file, 'utf8')) as Record<Lang, string[]>;
  const questions = Object.fromEntries(LANGS.map((lang) => [lang, queries.filter((q) => q.lang === lang && isQuestion(q.text)).map((q) => q.text)])) as Record<Lang, string[]>;
  const detect = (text: string) => engine.detectLanguage(text);
  return { short: scoreDetection(detect, short), questions: scoreDetection(detect, questions) };
}

function main(): void {
  const json = process.argv.includes('--json');
  const started = Date.now();
  const { engine, queries, examples, knowledge } = heldOutQueries();
  const results = queries.map((q) => engine.classify(q.text, q.lang));
  const perLang = {} as Record<Lang | 'all', Metrics>;
  for (const lang of LANGS) {
    const idx = queries.map((q, i) => (q.lang === lang ? i : -1)).filter((i) => i >= 0);
    perLang[lang] = measure(idx.map((i) => queries[i] as LabelledQuery), idx.map((i) => results[i] as (typeof results)[number]));
  }
  perLang.all = measure(queries, results);
  const cv = crossValidate(knowledge, examples);
  const languages = detection(engine, knowledge, queries);
  const failures = LANGS.flatMap((lang) => meetsBars(perLang[lang]).map((f) => `${lang}: ${f}`));
  for (const s of languages.short) if (s.accuracy < 0.95) failures.push(`${s.lang}: language of short inputs ${pct(s.accuracy)} < 95.0%`);
  for (const s of languages.questions) if (s.accuracy < 0.99) failures.push(`${s.lang}: language of questions ${pct(s.accuracy)} < 99.0%`);

  if (json) {
    process.stdout.write(`${JSON.stringify({ report: engine.report, heldOut: perLang, crossValidation: cv, languages, failures }, null, 2)}\n`);
  } else {
    const r = engine.report;
    const out: string[] = [];
    out.push(`Trained on ${r.examples} examples (${r.intents} intents, ${r.outOfScopeExamples} out-of-scope) in 3 languages.`);
    out.push(`Chosen from cross-validated scores (${r.scoredFolds === r.folds ? `all ${r.folds} folds` : `${r.scoredFolds} of ${r.folds} folds`}): blend ${r.blend}, decline when the chance of being in scope is below ${r.declineThreshold.toFixed(3)}, ask "Did you mean" when the score is below ${r.answerThreshold.toFixed(3)}.`);
    out.push('', 'Held-out test questions (never trained on):', HEADER);
    for (const lang of [...LANGS, 'all'] as const) out.push(line(lang, perLang[lang]));
    out.push('', 'Most confused (expected -> predicted):');
    for (const c of perLang.all.confusions.slice(0, 12)) out.push(`  ${String(c.count).padStart(3)}  ${c.expected} -> ${c.predicted}   e.g. "${c.examples[0] ?? ''}"`);
    out.push('', `${FOLDS}-fold cross-validation over the training examples:`, HEADER);
    for (const lang of [...LANGS, 'all'] as const) out.push(line(lang, cv[lang]));
    out.push('', 'Language detection (right / total):');
    out.push(`  one- and two-word inputs: ${languages.short.map((s) => `${s.lang} ${s.right}/${s.total} (${pct(s.accuracy)})`).join(', ')}`);
    out.push(`  held-out questions (4+ words): ${languages.questions.map((s) => `${s.lang} ${s.right}/${s.total} (${pct(s.accuracy)})`).join(', ')}`);
    out.push('', `Bars per language: accuracy >= ${pct(BARS.accuracy)}, out-of-scope declined >= ${pct(BARS.outOfScopeRecall)}, in-scope declined <= ${pct(BARS.inScopeDeclined)}.`);
    out.push(failures.length === 0 ? 'All bars met.' : `Below the bars:\n  ${failures.join('\n  ')}`);
    out.push(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main();
