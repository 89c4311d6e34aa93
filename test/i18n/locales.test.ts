import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COMMON, LOCALES_DIR, NAMESPACES, createI18n, type MissingKeyListener } from '../../src/i18n';
import { EXAMPLE_INTENTS } from '../../src/dialogs/replies';
import { loadKnowledge } from '../../src/knowledge/load';
import { LANGS } from '../../src/nlu/types';

type Tree = { [key: string]: string | Tree };

function read(lang: string, ns: string, dir = LOCALES_DIR): Tree {
  return JSON.parse(readFileSync(path.join(dir, lang, `${ns}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1] as string).sort();

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

describe('locale files', () => {
  it.each(NAMESPACES)('%s has the same keys in da, fr and en', (ns) => {
    const [da, fr, en] = LANGS.map((lang) => [...flatten(read(lang, ns)).keys()].sort());
    expect(da).toEqual(en);
    expect(fr).toEqual(en);
  });

  it('has no empty common text, and the same placeholders in every language', () => {
    const en = flatten(read('en', 'common'));
    for (const lang of LANGS) {
      for (const [key, text] of flatten(read(lang, 'common'))) {
        expect(text.trim()).not.toBe('');
        expect([lang, key, placeholders(text)]).toEqual([lang, key, placeholders(en.get(key) ?? '')]);
      }
    }
  });

  it('has every common key the code uses, in every language', () => {
    const used = leaves(COMMON);
    expect(used.length).toBeGreaterThan(5);
    for (const lang of LANGS) {
      const keys = flatten(read(lang, 'common'));
      for (const key of used) expect([lang, key, keys.has(key.replace(/^common:/, ''))]).toEqual([lang, key, true]);
    }
  });

  it('has every literal key written anywhere in src/, in every language', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (full.endsWith('.ts')) files.push(full);
      }
    };
    walk(path.resolve(__dirname, '..', '..', 'src'));
    const literal = /['"`]((?:common|answers|questions):[A-Za-z0-9_.]+)['"`]/g;
    const keys = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(literal)].map((m) => m[1] as string)));
    expect(keys.size).toBeGreaterThan(0);
    for (const lang of LANGS) {
      for (const full of keys) {
        const [ns, key] = full.split(':') as [string, string];
        expect([lang, full, flatten(read(lang, ns)).has(key)]).toEqual([lang, full, true]);
      }
    }
  });

  it('has an answer and a question for every intent the bot can name, in every language', () => {
    const knowledge = loadKnowledge();
    const ids = knowledge.intents.map((i) => i.id);
    for (const id of [...EXAMPLE_INTENTS, 'help']) expect(ids).toContain(id);
    for (const lang of LANGS) {
      const answers = flatten(read(lang, 'answers'));
      const questions = flatten(read(lang, 'questions'));
      for (const id of ids) {
        expect([lang, id, (answers.get(`${id}.fact`) ?? '').length > 0, answers.has(`${id}.context`), questions.has(id)]).toEqual([lang, id, true, true, true]);
      }
    }
  });
});

describe('createI18n', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'locales-'));
    cpSync(LOCALES_DIR, dir, { recursive: true });
    const da = read('da', 'common', dir);
    delete da.clarify;
    writeFileSync(path.join(dir, 'da', 'common.json'), JSON.stringify(da));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers in the language asked for, per call, whatever the instance language', async () => {
    const i18n = createI18n({ onMissingKey: () => undefined });
    await i18n.instance.changeLanguage('fr');
    expect(i18n.forLanguage('da')(COMMON.clarify)).toBe(read('da', 'common').clarify);
    expect(i18n.forLanguage('en')(COMMON.clarify)).toBe(read('en', 'common').clarify);
  });

  it('does not HTML-escape and formats numbers for the language', () => {
    const i18n = createI18n({ onMissingKey: () => undefined });
    expect(i18n.forLanguage('fr')('answers:why_partner.fact')).toBe((read('fr', 'answers').why_partner as Tree).fact);
    expect(i18n.forLanguage('en')(COMMON.tooLong, { max: 1000 })).toContain('1,000');
    expect(i18n.forLanguage('da')(COMMON.tooLong, { max: 1000 })).toContain('1.000');
  });

  it('falls back to English for a text missing in a language, and reports it', () => {
    const reports: Parameters<MissingKeyListener>[] = [];
    const i18n = createI18n({ dir, onMissingKey: (...args) => reports.push(args) });
    expect(i18n.forLanguage('da')(COMMON.clarify)).toBe(read('en', 'common').clarify);
    expect(reports).toEqual([['da', 'common', 'clarify']]);
    expect(i18n.has('da', COMMON.clarify)).toBe(false);
    expect(i18n.has('en', COMMON.clarify)).toBe(true);
  });

  it('never shows a raw key: a text missing everywhere becomes empty, and is reported', () => {
    const reports: Parameters<MissingKeyListener>[] = [];
    const i18n = createI18n({ onMissingKey: (...args) => reports.push(args) });
    expect(i18n.forLanguage('fr')('common:noSuchKey')).toBe('');
    expect(reports).toEqual([
      ['fr', 'common', 'noSuchKey'],
      ['en', 'common', 'noSuchKey'],
    ]);
  });

  it('names the broken file when a locale file is not JSON', () => {
    writeFileSync(path.join(dir, 'fr', 'questions.json'), '{ not json');
    expect(() => createI18n({ dir, onMissingKey: () => undefined })).toThrow(path.join(dir, 'fr', 'questions.json'));
  });
});
