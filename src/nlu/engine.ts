import { analyze, contentTerms, correctTerms, features, type Term } from './analyze';
import { Calibrator, chooseAnswerThreshold, declineThresholdFor, type ScoredOutcome } from './calibrate';
import { NearestNeighbours, SoftmaxClassifier } from './classifiers';
import { ConceptMatcher, type ConceptLexicon } from './concepts';
import { LanguageDetector, type Detection } from './detect';
import { Speller } from './speller';
import { LANGS, type Candidate, type Classification, type Example, type Lang } from './types';
import { Vocabulary, type SparseVector } from './vectors';

/** The longest text analysed; anything after it is ignored rather than slowing every turn. */
export const MAX_ANALYSED_CHARS = 2000;

/** Precision asked of direct answers on cross-validated data; below it the bot asks. */
const ANSWER_PRECISION = 0.98;
const BLENDS = [0.3, 0.5, 0.7] as const;
/** From this many examples on, one cross-validation fold is scored instead of all of them. */
const LARGE_DATA_SET = 10000;
/**
 * How much worse declining an answerable question is than answering an out-of-scope one,
 * in the ratio of the tolerated rates (3% of answerable questions declined, 5% of
 * out-of-scope ones answered).
 */
const DECLINE_COST_RATIO = 0.05 / 0.03;

interface AnalysedExample {
  terms: Term[];
  lang: Lang;
  label: number;
}

/** Raw evidence for one text: softmax probabilities and nearest-example similarities per class. */
interface Evidence {
  probs: Float64Array;
  sims: Float64Array;
  /** Share of the content words that no training example uses: a question about something else. */
  unknown: number;
  /** Share of the text's feature weight that training has seen. */
  coverage: number;
  /** For a class, the share of the content words its own examples use (directly or through a shared concept). */
  support(label: number): number;
  /** Probability that the text is in scope at all, from a model trained for that question alone. */
  inScope: number;
}

/** Vocabulary, speller and both classifiers built from one set of analysed examples. */
class Core {
  private readonly vocabulary: Vocabulary;
  private readonly speller: Speller;
  private readonly stemOf = new Map<string, string>();
  private readonly knownStems = new Set<string>();
  /** Per class: the stems and concepts its examples use. */
  private readonly classWords: Array<Set<string>>;
  private readonly softmax: SoftmaxClassifier;
  private readonly neighbours: NearestNeighbours;
  private scope: SoftmaxClassifier | undefined;

  constructor(
    examples: readonly AnalysedExample[],
    private readonly classes: number,
    private readonly concepts: ConceptMatcher | undefined,
    seed: number,
    private readonly outOfScope = -1,
  ) {
    const surfaces: string[] = [];
    const known = (surface: string, stem: string): void => {
      surfaces.push(surface);
      if (!this.stemOf.has(surface)) this.stemOf.set(surface, stem);
    };
    for (const example of examples) {
      for (const term of contentTerms(example.terms)) {
        known(term.surface, term.stem);
        this.knownStems.add(term.stem);
      }
    }
    for (const word of concepts?.vocabulary ?? []) known(word.surface, word.stem);
    this.speller = new Speller(surfaces);
    this.classWords = Array.from({ length: classes }, () => new Set<string>());
    for (const example of examples) {
      const words = this.classWords[example.label] as Set<string>;
      for (const term of contentTerms(example.terms)) words.add(term.stem);
      for (const concept of this.concepts?.match(example.terms, example.lang) ?? []) words.add(`#${concept}`);
    }
    const bags = examples.map((e) => this.bag(e.terms, e.lang));
    this.vocabulary = new Vocabulary(bags);
    const vectors = bags.map((bag) => this.vocabulary.vectorize(bag));
    const labels = examples.map((e) => e.label);
    this.softmax = SoftmaxClassifier.train(vectors, labels, this.vocabulary.size, classes, seed);
    this.neighbours = new NearestNeighbours(vectors, labels, this.vocabulary.size, classes);
    // In scope or not, as a question of its own: out-of-scope examples are repeated until both
    // sides weigh the same, so the boundary is not drowned by the in-scope majority.
    if (outOfScope >= 0) {
      const inside = labels.filter((l) => l !== outOfScope).length;
      const outside = labels.length - inside;
      const repeat = Math.max(1, Math.round(inside / Math.max(1, outside)));
      const scopeVectors: SparseVector[] = [];
      const scopeLabels: number[] = [];
      vectors.forEach((v, i) => {
        const out = labels[i] === outOfScope;
        for (let r = 0; r < (out ? repeat : 1); r += 1) {
          scopeVectors.push(v);
          scopeLabels.push(out ? 1 : 0);
        }
      });
      this.scope = SoftmaxClassifier.train(scopeVectors, scopeLabels, this.vocabulary.size, 2, seed + 101);
    }
  }

  private bag(items: readonly Term[], lang: Lang): Map<string, number> {
    return features(items, this.concepts?.match(items, lang) ?? []);
  }

  evidence(items: readonly Term[], lang: Lang): Evidence {
    const fixed = correctTerms(items, this.speller, this.stemOf);
    const content = contentTerms(fixed);
    const unknown = content.filter((t) => !this.knownStems.has(t.stem)).length / Math.max(1, content.length);
    const x = this.vocabulary.vectorize(this.bag(fixed, lang));
    const conceptsOf = content.map((t) => this.concepts?.match([t], lang) ?? []);
    const support = (label: number): number => {
      const words = this.classWords[label];
      if (!words || content.length === 0) return 0;
      let used = 0;
      content.forEach((t, i) => {
        if (words.has(t.stem) || (conceptsOf[i] as string[]).some((k) => words.has(`#${k}`))) used += 1;
      });
      return used / content.length;
    };
    const probs = this.softmax.probabilities(x, new Float64Array(this.classes));
    const sims = this.neighbours.similarities(x, new Float64Array(this.classes));
    const inScope = this.scope ? (this.scope.probabilities(x, new Float64Array(2))[0] as number) : 1;
    if (x.idx.length === 0) probs.fill(0);
    return { probs, sims, unknown, coverage: x.coverage, support, inScope: x.idx.length === 0 ? 0 : inScope };
  }
}

export interface EngineReport {
  examples: number;
  intents: number;
  outOfScopeExamples: number;
  folds: number;
  /** How many of the folds were scored (one for a large data set). */
  scoredFolds: number;
  blend: number;
  /** Below this probability of being in scope at all, the engine declines. */
  declineThreshold: number;
  /** Below this score (probability that the best intent is right), the engine asks which was meant. */
  answerThreshold: number;
  /** Cross-validated share of in-scope examples whose top intent was right. */
  crossValidatedAccuracy: number;
  calibration: { weights: readonly number[]; bias: number };
  scopeCalibration: { weights: readonly number[]; bias: number };
}

export interface TrainOptions {
  seed?: number;
  /** Words and phrases that mean the same thing, shared across languages (knowledge/concepts.json). */
  concepts?: ConceptLexicon;
  /** Number of cross-validation folds used to calibrate scores and choose thresholds. */
  folds?: number;

}

/**
 * The matching engine: built from labelled examples, it classifies a question into an intent
 * with a calibrated score and decides to answer, ask which was meant, or decline.
 */
export class Engine {
  private constructor(
    private readonly intents: readonly string[],
    private readonly hasOutOfScope: boolean,
    private readonly core: Core,
    private readonly blend: number,
    private readonly calibrator: Calibrator,
    private readonly scopeCalibrator: Calibrator,
    private readonly declineThreshold: number,
    private readonly answerThreshold: number,
    private readonly detector: LanguageDetector,
    readonly report: EngineReport,
  ) {}

  static train(examples: readonly Example[], options: TrainOptions = {}): Engine {
    const seed = options.seed ?? 7;
    const intents = [...new Set(examples.map((e) => e.intent).filter((i): i is string => i !== null))].sort();
    if (intents.length === 0) throw new Error('training data has no in-scope intent');
    const hasOutOfScope = examples.some((e) => e.intent === null);
    const classes = intents.length + (hasOutOfScope ? 1 : 0);
    const labelOf = new Map(intents.map((intent, i) => [intent, i]));
    const concepts = options.concepts ? new ConceptMatcher(options.concepts) : undefined;
    const detector = new LanguageDetector(examples);
    const analysed: AnalysedExample[] = examples.map((e) => {
      const lang = e.lang ?? detector.detect(e.text)?.lang ?? 'en';
      return { terms: analyze(clip(e.text), lang), lang, label: e.intent === null ? intents.length : (labelOf.get(e.intent) as number) };
    });

    // Cross-validation: each example is scored by a model that never saw it.
    const folds = Math.max(2, Math.min(options.folds ?? 5, analysed.length));
    const foldOf = stratifiedFolds(analysed.map((a) => a.label), folds);
    const held: Array<{ evidence: Evidence; label: number }> = [];
    // A large data set gives enough held-out scores from one fold; the others would only cost time.
    const scoredFolds = analysed.length > LARGE_DATA_SET ? 1 : folds;
    for (let f = 0; f < scoredFolds; f += 1) {
      const train = analysed.filter((_, i) => foldOf[i] !== f);
      if (train.length === 0) continue;
      const core = new Core(train, classes, concepts, seed + f, hasOutOfScope ? intents.length : -1);
      analysed.forEach((a, i) => {
        if (foldOf[i] === f) held.push({ evidence: core.evidence(a.terms, a.lang), label: a.label });
      });
    }

    const nIntents = intents.length;
    const accuracyOf = (blend: number): number => {
      let right = 0;
      let total = 0;
      for (const h of held) {
        if (h.label >= nIntents) continue;
        total += 1;
        if (ranked(h.evidence, blend, nIntents)[0]?.index === h.label) right += 1;
      }
      return total === 0 ? 0 : right / total;
    };
    let blend: number = BLENDS[1];
    let bestAccuracy = accuracyOf(blend);
    for (const candidate of BLENDS) {
      const accuracy = accuracyOf(candidate);
      if (accuracy > bestAccuracy + 1e-12) {
        bestAccuracy = accuracy;
        blend = candidate;
      }
    }

    const core = new Core(analysed, classes, concepts, seed, hasOutOfScope ? intents.length : -1);

    const samples: number[][] = [];
    const labels: boolean[] = [];
    const rows: Array<{ x: number[]; inScope: boolean; correct: boolean }> = [];
    for (const h of held) {
      const order = ranked(h.evidence, blend, nIntents);
      const top = order[0];
      if (!top) continue;
      const x = evidenceFeatures(h.evidence, order, 0, nIntents, hasOutOfScope);
      const correct = top.index === h.label;
      samples.push(x);
      labels.push(correct);
      rows.push({ x, inScope: h.label < nIntents, correct });
    }
    // Two questions, two calibrations: is the message in scope at all (decides declining), and is
    // the best intent the right one (the score; decides answering or asking which was meant). An
    // answerable question whose intents are close calls for "Did you mean", not for a decline.
    const calibrator = Calibrator.fit(samples, labels);
    const scopeCalibrator = Calibrator.fit(samples, rows.map((r) => r.inScope));
    const inScopeRows = rows.filter((r) => r.inScope).length;
    const declineThreshold = hasOutOfScope ? declineThresholdFor(inScopeRows, rows.length - inScopeRows, DECLINE_COST_RATIO) : 0;
    const outcomes: ScoredOutcome[] = rows
      .filter((r) => scopeCalibrator.probability(r.x) >= declineThreshold)
      .map((r) => ({ p: calibrator.probability(r.x), inScope: r.inScope, correct: r.correct }));
    const answerThreshold = chooseAnswerThreshold(outcomes, 0, ANSWER_PRECISION);

    const report: EngineReport = {
      examples: analysed.length,
      intents: nIntents,
      outOfScopeExamples: analysed.filter((a) => a.label === nIntents).length,
      folds,
      scoredFolds,
      blend,
      declineThreshold,
      answerThreshold,
      crossValidatedAccuracy: bestAccuracy,
      calibration: { weights: calibrator.weights, bias: calibrator.bias },
      scopeCalibration: { weights: scopeCalibrator.weights, bias: scopeCalibrator.bias },
    };
    return new Engine(intents, hasOutOfScope, core, blend, calibrator, scopeCalibrator, declineThreshold, answerThreshold, detector, report);
  }

  /** The language of a message, with word statistics learnt from the training examples. */
  detectLanguage(text: string): Detection | undefined {
    return this.detector.detect(typeof text === 'string' ? clip(text) : '');
  }

  /** The intents this engine knows, sorted. */
  get intentIds(): readonly string[] {
    return this.intents;
  }

  /**
   * Classifies one message. `lang` picks the language pipeline; without it the language is
   * detected, and when detection gives nothing every pipeline is tried and the surest wins.
   * Never throws: any input the engine cannot use is declined.
   */
  classify(text: unknown, lang?: Lang): Classification {
    const input = typeof text === 'string' ? clip(text) : '';
    const chosen = lang ?? this.detector.detect(input)?.lang;
    if (chosen) return this.classifyIn(input, chosen);
    // English first, so that input with no language at all (empty, emoji) reports English.
    let best = this.classifyIn(input, 'en');
    for (const candidate of LANGS) {
      if (candidate === 'en') continue;
      const result = this.classifyIn(input, candidate);
      if (result.score > best.score) best = result;
    }
    return best;
  }

  private classifyIn(text: string, lang: Lang): Classification {
    const items = analyze(text, lang);
    const declined: Classification = { intent: null, score: 0, decision: 'decline', best: null, candidates: [], lang };
    if (items.length === 0) return declined;
    const nIntents = this.intents.length;
    const evidence = this.core.evidence(items, lang);
    const order = ranked(evidence, this.blend, nIntents);
    if (!order[0] || order[0].value <= 0) return declined;
    // Candidates keep the ranking's order; the calibrator is fitted on top candidates, so a
    // runner-up's score is capped by the score of the one ranked above it.
    const candidates: Candidate[] = [];
    order.slice(0, 3).forEach((entry, position) => {
      const own = this.calibrator.probability(evidenceFeatures(evidence, order, position, nIntents, this.hasOutOfScope));
      const cap = candidates[position - 1]?.score ?? 1;
      candidates.push({ intent: this.intents[entry.index] as string, score: round(Math.min(own, cap)) });
    });
    const top = candidates[0] as Candidate;
    const inScope = this.scopeCalibrator.probability(evidenceFeatures(evidence, order, 0, nIntents, this.hasOutOfScope));
    const decision = inScope < this.declineThreshold ? 'decline' : top.score < this.answerThreshold ? 'clarify' : 'answer';
    return { intent: decision === 'decline' ? null : top.intent, score: top.score, decision, best: top.intent, candidates, lang };
  }
}

function clip(text: string): string {
  return text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Ranked {
  index: number;
  value: number;
}

/** In-scope classes by blended score, best first; ties broken by class order for determinism. */
function ranked(evidence: Evidence, blend: number, nIntents: number, limit = 3): Ranked[] {
  // Only the first few places are ever read: keep a short sorted list instead of sorting all classes.
  const out: Ranked[] = [];
  for (let c = 0; c < nIntents; c += 1) {
    const value = blend * (evidence.probs[c] as number) + (1 - blend) * (evidence.sims[c] as number);
    if (out.length === limit && value <= (out[limit - 1] as Ranked).value) continue;
    let at = out.length;
    while (at > 0 && (out[at - 1] as Ranked).value < value) at -= 1;
    out.splice(at, 0, { index: c, value });
    if (out.length > limit) out.pop();
  }
  return out;
}

/** What the calibrator sees for the candidate at `position`: its score, its lead, and the out-of-scope evidence. */
function evidenceFeatures(evidence: Evidence, order: Ranked[], position: number, nIntents: number, hasOutOfScope: boolean): number[] {
  const me = order[position] as Ranked;
  const rival = order[position === 0 ? 1 : 0];
  const lead = me.value - (rival?.value ?? 0);
  const oosProb = hasOutOfScope ? (evidence.probs[nIntents] as number) : 0;
  const oosSim = hasOutOfScope ? (evidence.sims[nIntents] as number) : 0;
  const p = evidence.probs[me.index] as number;
  const sim = evidence.sims[me.index] as number;
  const support = evidence.support(me.index);
  return [me.value, lead, p, sim, oosProb, oosSim, evidence.unknown, evidence.coverage, p * evidence.coverage, sim * evidence.coverage, support, p * support, evidence.inScope, evidence.inScope * p];
}

/** Fold number per item, spreading each label evenly over the folds in a fixed order. */
function stratifiedFolds(labels: readonly number[], folds: number): number[] {
  const seen = new Map<number, number>();
  return labels.map((label) => {
    const count = seen.get(label) ?? 0;
    seen.set(label, count + 1);
    return (count + label) % folds;
  });
}
