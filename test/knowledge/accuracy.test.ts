import { buildEngine } from '../../src/knowledge/engine';
import { loadKnowledge, loadTests } from '../../src/knowledge/load';
import { BARS, measure, meetsBars, type LabelledQuery } from '../../src/nlu/evaluate';
import { LANGS } from '../../src/nlu/types';

describe('accuracy on the held-out test questions (never trained on)', () => {
  const knowledge = loadKnowledge();
  const tests = loadTests(knowledge);
  const engine = buildEngine(knowledge);

  test.each(LANGS)(`%s: at least ${Math.round(BARS.accuracy * 100)}% right, ${Math.round(BARS.outOfScopeRecall * 100)}% of out-of-scope questions declined, at most ${Math.round(BARS.inScopeDeclined * 100)}% of answerable ones declined`, (lang) => {
    const inScope: LabelledQuery[] = Object.entries(tests[lang].intents).flatMap(([intent, list]) => list.map((text) => ({ text, intent, lang })));
    const outOfScope: LabelledQuery[] = tests[lang].outOfScope.map((text) => ({ text, intent: null, lang }));
    const queries = [...inScope, ...outOfScope];
    const metrics = measure(queries, queries.map((q) => engine.classify(q.text, q.lang)));
    expect(meetsBars(metrics, BARS)).toEqual([]);
  });
});
