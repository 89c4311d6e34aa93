'use strict';
// `npm run -s classify -- --train FILE` on a large labelled set: 15,000 training lines and
// 5,000 queries over 150 intents, generated from a fixed seed so every run sees the same data.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, writeFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { seededRandom } = require('../dist/nlu/random');

const rand = seededRandom(2023);
const pick = (list) => list[Math.floor(rand() * list.length)];
const syllables = ['ka', 'lo', 'mi', 'ren', 'sto', 'va', 'pel', 'tur', 'nik', 'so', 'dra', 'fen', 'gul', 'hem', 'jor', 'bas', 'cli', 'mon'];
const word = () => pick(syllables) + pick(syllables) + (rand() < 0.5 ? pick(syllables) : '');
const common = Array.from({ length: 300 }, word);
const frames = ['how do i', 'can you', 'please', 'i want to', 'what is the', 'tell me about', 'help me', 'where is my', 'when can i', 'why is'];

const intents = Array.from({ length: 150 }, (_, i) => ({ id: `intent_${i}`, keys: Array.from({ length: 4 }, word) }));
function utterance(intent) {
  const parts = [pick(frames), pick(intent.keys), pick(common), pick(intent.keys)];
  if (rand() < 0.5) parts.push(pick(common));
  return parts.join(' ');
}

const dir = mkdtempSync(path.join(tmpdir(), 'classify-scale-'));
try {
  const train = [];
  for (let i = 0; i < 15000; i += 1) {
    const intent = intents[i % intents.length];
    train.push(JSON.stringify({ text: utterance(intent), intent: intent.id, lang: 'en' }));
  }
  const queries = [];
  const expected = [];
  for (let i = 0; i < 5000; i += 1) {
    const intent = pick(intents);
    queries.push(JSON.stringify({ text: utterance(intent), lang: 'en' }));
    expected.push(intent.id);
  }
  writeFileSync(path.join(dir, 'train.jsonl'), `${train.join('\n')}\n`);
  const start = performance.now();
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'dist', 'cli', 'classify.js'), '--train', path.join(dir, 'train.jsonl')], {
    input: `${queries.join('\n')}\n`,
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  const seconds = (performance.now() - start) / 1000;
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  const right = lines.filter((l, i) => l.intent === expected[i]).length;
  process.stdout.write(`${JSON.stringify({ trainLines: train.length, queries: queries.length, outputs: lines.length, seconds: +seconds.toFixed(2), accuracy: +(right / lines.length).toFixed(3) })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
