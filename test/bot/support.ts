import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryStorage, TestAdapter, type Activity, type Attachment, type CardAction, type Storage } from 'botbuilder';
import pino, { type Logger } from 'pino';
import { createBot, type BotParts } from '../../src/bot';
import type { QuestionClassifier } from '../../src/dialogs/mainDialog';
import { createI18n, type Translations } from '../../src/i18n';
import { buildEngine } from '../../src/knowledge/engine';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load';
import type { Engine } from '../../src/nlu/engine';
import { detectLanguage, type Detection } from '../../src/nlu/detect';
import type { Classification, Decision, Lang } from '../../src/nlu/types';

export const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
export const knowledge: Knowledge = loadKnowledge();

/** Training the real engine takes seconds: once per test file, in beforeAll with this timeout. */
export const ENGINE_TIMEOUT_MS = 180_000;
export function trainEngine(): Engine {
  return buildEngine(knowledge);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

/** A debug-level logger whose lines a test can read. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

type Texts = Record<string, unknown>;
const fileCache = new Map<string, Texts>();

/** A locale file read straight from disk, independent of the i18n module under test. */
export function localeFile(lang: Lang, ns: 'common' | 'answers' | 'questions'): Texts {
  const file = path.join(LOCALES_DIR, lang, `${ns}.json`);
  let texts = fileCache.get(file);
  if (!texts) {
    texts = JSON.parse(readFileSync(file, 'utf8')) as Texts;
    fileCache.set(file, texts);
  }
  return texts;
}

export function common(lang: Lang, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Texts | undefined)?.[part], localeFile(lang, 'common'));
  if (typeof value !== 'string') throw new Error(`no common text ${key} in ${lang}`);
  return value;
}

export function question(lang: Lang, intent: string): string {
  const value = localeFile(lang, 'questions')[intent];
  if (typeof value !== 'string') throw new Error(`no question ${intent} in ${lang}`);
  return value;
}

export function answer(lang: Lang, intent: string): { fact: string; context: string } {
  return localeFile(lang, 'answers')[intent] as { fact: string; context: string };
}

export interface MissingKey {
  lang: string;
  namespace: string;
  key: string;
}

/** The real texts, with every missing-key report recorded so a test can assert there was none. */
export function recordingI18n(): { i18n: Translations; missing: MissingKey[] } {
  const missing: MissingKey[] = [];
  const i18n = createI18n({ onMissingKey: (lang, namespace, key) => missing.push({ lang, namespace, key }) });
  return { i18n, missing };
}

/** A classifier whose answer the test decides; records what it was asked. */
export class StubClassifier implements QuestionClassifier {
  readonly calls: Array<{ text: string; lang: Lang | undefined }> = [];
  constructor(private readonly decide: (text: string, lang: Lang | undefined) => Classification) {}
  classify(text: string, lang?: Lang): Classification {
    this.calls.push({ text, lang });
    return this.decide(text, lang);
  }
  detectLanguage(text: string): Detection | undefined {
    return detectLanguage(text);
  }
}

export function classification(decision: Decision, intents: string[], lang: Lang = 'en'): Classification {
  const candidates = intents.map((intent, i) => ({ intent, score: i === 0 ? 0.8 : 0.1 }));
  const best = intents[0] ?? null;
  return { intent: decision === 'decline' ? null : best, score: candidates[0]?.score ?? 0, decision, best, candidates, lang };
}

export interface Harness {
  parts: BotParts;
  storage: Storage;
  /** A conversation of its own (every activity gets its id, locale and type), on the bot shared by every conversation of the harness. */
  conversation(options?: { id?: string; locale?: string; conversationType?: string; channelId?: string; userId?: string; entities?: Activity['entities'] }): TestAdapter;
}

export function harness(options: { classifier: QuestionClassifier; i18n: Translations; storage?: Storage }): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const parts = createBot({ storage, knowledge, classifier: options.classifier, i18n: options.i18n, logger: silentLogger() });
  return {
    parts,
    storage,
    conversation({ id = 'conversation-1', locale = 'en-US', conversationType, channelId, userId, entities } = {}) {
      const template: Partial<Activity> = {
        conversation: { id, name: id, isGroup: conversationType === 'channel' || conversationType === 'groupChat', conversationType: conversationType ?? 'personal' },
        locale,
        ...(channelId ? { channelId } : {}),
        ...(userId ? { from: { id: userId, name: userId } } : {}),
        ...(entities ? { entities } : {}),
      };
      // The template is applied to every activity the test sends, over the activity's own fields.
      const adapter = new TestAdapter((context) => parts.bot.run(context), template);
      adapter.onTurnError = parts.onTurnError;
      return adapter;
    },
  };
}

export function suggestedValues(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a: CardAction) => String(a.value));
}

export function heroCardButtons(activity: Partial<Activity>): CardAction[] {
  const card = activity.attachments?.find((a: Attachment) => a.contentType === 'application/vnd.microsoft.card.hero');
  return ((card?.content as { buttons?: CardAction[] } | undefined)?.buttons ?? []);
}

/** The text a user sees for an answer: fact, then context, then (facts only) the source line. */
export function expectedAnswer(lang: Lang, intent: string): string {
  const { fact, context } = answer(lang, intent);
  const parts = [fact, context];
  if (knowledge.byId.get(intent)?.kind === 'fact') parts.push(common(lang, 'source'));
  return parts.filter((p) => p !== '').join('\n\n');
}
