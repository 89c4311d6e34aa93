import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, loadTests, trainingExamples } from '../../src/knowledge/load';
import { MIN_EXAMPLES_PER_INTENT, MIN_OUT_OF_SCOPE_TESTS, MIN_TESTS_PER_INTENT } from '../../src/knowledge/schema';
import { LANGS } from '../../src/nlu/types';
import { foldDiacritics, normalizeText } from '../../src/nlu/normalize';

describe('the shipped knowledge base', () => {
  const knowledge = loadKnowledge();
  const tests = loadTests(knowledge);

  test('loads and covers every intent in every language', () => {
    expect(knowledge.intents.length).toBeGreaterThanOrEqual(20);
    for (const lang of LANGS) {
      for (const intent of knowledge.intents) {
        expect(knowledge.examples[lang].intents[intent.id]?.length).toBeGreaterThanOrEqual(MIN_EXAMPLES_PER_INTENT);
        expect(tests[lang].intents[intent.id]?.length).toBeGreaterThanOrEqual(MIN_TESTS_PER_INTENT);
      }
      expect(tests[lang].outOfScope.length).toBeGreaterThanOrEqual(MIN_OUT_OF_SCOPE_TESTS);
    }
  });

  test('test questions are never training examples', () => {
    const key = (s: string): string => foldDiacritics(normalizeText(s)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const training = new Set(trainingExamples(knowledge).map((e) => key(e.text)));
    for (const lang of LANGS) {
      const all = [...Object.values(tests[lang].intents).flat(), ...tests[lang].outOfScope];
      expect(all.filter((q) => training.has(key(q)))).toEqual([]);
    }
  });

  test('every fact intent has 2-3 follow-ups and a source reference', () => {
    for (const intent of knowledge.intents.filter((i) => i.kind === 'fact')) {
      expect(intent.followUps.length).toBeGreaterThanOrEqual(2);
      expect(intent.followUps.length).toBeLessThanOrEqual(3);
      expect(intent.source?.length).toBeGreaterThan(0);
    }
  });

  const sourceFile = path.resolve(KNOWLEDGE_DIR, '..', '..', 'shared', 'sources', knowledge.source);
  const sourceText = ((): string | undefined => {
    try {
      return readFileSync(sourceFile, 'utf8');
    } catch {
      return undefined;
    }
  })();
  (sourceText ? test : test.skip)('every source reference points at a passage of the press release', () => {
    const paragraphs = (sourceText ?? '').split(/\n\s*\n/);
    for (const intent of knowledge.intents) {
      for (const ref of intent.source ?? []) {
        expect({ intent: intent.id, ref, found: paragraphs[ref.paragraph - 1]?.includes(ref.anchor) ?? false }).toMatchObject({ found: true });
      }
    }
  });
});

describe('a broken knowledge file stops loading with the file, the place and the problem', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (data: Record<string, unknown>) => void): void => {
    const full = path.join(dir, file);
    const data = JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>;
    change(data);
    writeFileSync(full, JSON.stringify(data));
  };

  test('invalid JSON', () => {
    writeFileSync(path.join(dir, 'examples', 'fr.json'), '{ "lang": "fr", ');
    expect(() => loadKnowledge(dir)).toThrow(/examples\/fr\.json: is not valid JSON/);
  });

  test('too few examples for an intent', () => {
    edit('examples/da.json', (d) => {
      (d.intents as Record<string, string[]>).place = ['hvor?'];
    });
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/examples\/da\.json: at intents\.place: .*15/);
  });

  test('an intent missing in one language', () => {
    edit('examples/en.json', (d) => {
      delete (d.intents as Record<string, string[]>).pfmg2025;
    });
    expect(() => loadKnowledge(dir)).toThrow(/examples\/en\.json: at intents\.pfmg2025: missing/);
  });

  test('a follow-up that names no intent', () => {
    edit('intents.json', (d) => {
      const intents = d.intents as Array<{ followUps: string[] }>;
      (intents[0] as { followUps: string[] }).followUps = ['purpose', 'nonexistent'];
    });
    expect(() => loadKnowledge(dir)).toThrow(/intents\.json: at intents\[0\]\.followUps\[1\]: unknown intent "nonexistent"/);
  });

  test('a wrong language tag and an unknown field', () => {
    edit('examples/fr.json', (d) => {
      d.lang = 'da';
    });
    expect(() => loadKnowledge(dir)).toThrow(/examples\/fr\.json: at lang: says "da"/);
    edit('examples/fr.json', (d) => {
      d.lang = 'fr';
      d.extra = true;
    });
    expect(() => loadKnowledge(dir)).toThrow(/examples\/fr\.json: at \(top level\): .*extra/i);
  });

  test('a missing file', () => {
    rmSync(path.join(dir, 'concepts', 'da.json'));
    expect(() => loadKnowledge(dir)).toThrow(/concepts\/da\.json: cannot be read \(ENOENT\)/);
  });
});
