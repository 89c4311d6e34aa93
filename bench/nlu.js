'use strict';
// Speed and memory of the matching engine alone: training on the knowledge base, then
// classifying every held-out question many times. Run with `npm run bench` (builds first).

const { loadKnowledge, loadTests } = require('../dist/knowledge/load');
const { buildEngine } = require('../dist/knowledge/engine');

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main() {
  const rssBefore = process.memoryUsage().rss;
  const knowledge = loadKnowledge();
  const tests = loadTests(knowledge);
  const t0 = performance.now();
  const engine = buildEngine(knowledge);
  const trainMs = performance.now() - t0;
  global.gc?.();
  const memory = process.memoryUsage();

  const queries = [];
  for (const lang of ['da', 'fr', 'en']) {
    for (const list of Object.values(tests[lang].intents)) for (const text of list) queries.push([text, lang]);
    for (const text of tests[lang].outOfScope) queries.push([text, lang]);
  }
  for (const [text] of queries.slice(0, 200)) engine.classify(text); // warm-up
  const rounds = 5;
  const latencies = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) {
    for (const [text, lang] of queries) {
      const a = performance.now();
      engine.classify(text, r % 2 === 0 ? lang : undefined);
      latencies.push(performance.now() - a);
    }
  }
  const total = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const result = {
    examples: engine.report.examples,
    trainMs: Math.round(trainMs),
    classifications: latencies.length,
    perSecond: Math.round((latencies.length / total) * 1000),
    p50Ms: +quantile(latencies, 0.5).toFixed(3),
    p99Ms: +quantile(latencies, 0.99).toFixed(3),
    maxMs: +latencies[latencies.length - 1].toFixed(3),
    heapUsedMb: +(memory.heapUsed / 1048576).toFixed(1),
    rssMb: +(memory.rss / 1048576).toFixed(1),
    rssGrowthMb: +((memory.rss - rssBefore) / 1048576).toFixed(1),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
