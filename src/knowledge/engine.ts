import { Engine } from '../nlu/engine';
import type { Example } from '../nlu/types';
import { trainingExamples, type Knowledge } from './load';

/** The engine trained on the knowledge base's examples (or a subset of them) with its concept lexicon. */
export function buildEngine(knowledge: Knowledge, examples: readonly Example[] = trainingExamples(knowledge)): Engine {
  return Engine.train(examples, { concepts: knowledge.concepts });
}
