'use strict';
// Load on the whole service over loopback: POST /api/messages with deliveryMode expectReplies
// (the reply comes back in the response body), 20 connections for 15 seconds, questions
// rotating over the three languages. Storage in memory, no credentials.
const autocannon = require('autocannon');
const pino = require('pino');
const { loadConfig } = require('../dist/config');
const { loadKnowledge } = require('../dist/knowledge/load');
const { buildEngine } = require('../dist/knowledge/engine');
const { createService } = require('../dist/server/service');
const { listen, stop } = require('../dist/server/listen');

const QUESTIONS = [
  ['Hvem underskrev aftalen?', 'da-DK'],
  ['Quand le protocole a-t-il été signé ?', 'fr-FR'],
  ['What is PFMG 2025?', 'en-US'],
  ['Where was the MoU signed?', 'en-US'],
  ['Hvad er Nationalt Genom Center?', 'da-DK'],
  ["Qu'est-ce qu'Aviesan ?", 'fr-FR'],
  ['What is the weather in Copenhagen?', 'en-US'],
];

async function main() {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', PORT: '0' });
  const logger = pino({ level: 'silent' });
  const knowledge = loadKnowledge();
  const service = createService({ config, knowledge, classifier: buildEngine(knowledge), logger });
  const address = await listen(service.server, 0, '127.0.0.1');
  let n = 0;
  const requests = QUESTIONS.map(([text, locale]) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      n += 1;
      const body = {
        type: 'message',
        id: `m${n}`,
        text,
        locale,
        channelId: 'bench',
        serviceUrl: 'http://127.0.0.1:9',
        deliveryMode: 'expectReplies',
        from: { id: `user-${n % 200}` },
        recipient: { id: 'bot' },
        conversation: { id: `conversation-${n % 200}` },
      };
      return { ...req, body: JSON.stringify(body) };
    },
  }));
  const result = await autocannon({ url: `http://127.0.0.1:${address.port}`, connections: 20, duration: 15, requests });
  const memory = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      perSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      rssMb: +(memory.rss / 1048576).toFixed(1),
    })}\n`,
  );
  await stop(service.server, () => service.drain());
  service.close();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
