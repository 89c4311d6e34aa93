import { analyze, type Term } from './analyze';
import { LANGS, type Lang } from './types';

/** Concept name -> words and phrases per language that express it. */
export type ConceptLexicon = Readonly<Record<string, Partial<Readonly<Record<Lang, readonly string[]>>>>>;

interface Pattern {
  concept: string;
  stems: string[];
}

/**
 * Finds the concepts a text mentions. Phrases are matched on stems in order, so "skrive under"
 * matches "skrev under" and "signé" matches "signée". Each concept turns into one feature
 * shared by all three languages.
 */
export class ConceptMatcher {
  private readonly byFirstStem: Record<Lang, Map<string, Pattern[]>>;
  /** Folded surface forms and their stems, per language, so the speller knows the lexicon's words. */
  readonly vocabulary: Array<{ surface: string; stem: string }> = [];

  constructor(lexicon: ConceptLexicon) {
    this.byFirstStem = { da: new Map(), fr: new Map(), en: new Map() };
    for (const concept of Object.keys(lexicon).sort()) {
      for (const lang of LANGS) {
        for (const phrase of lexicon[concept]?.[lang] ?? []) {
          const stems = analyze(phrase, lang).map((t) => t.stem);
          const first = stems[0];
          if (first === undefined) continue;
          const list = this.byFirstStem[lang].get(first) ?? [];
          list.push({ concept, stems });
          this.byFirstStem[lang].set(first, list);
          for (const t of analyze(phrase, lang)) if (!t.stop) this.vocabulary.push({ surface: t.surface, stem: t.stem });
        }
      }
    }
  }

  /** Distinct concepts mentioned in the analysed text, sorted. */
  match(items: readonly Term[], lang: Lang): string[] {
    const found = new Set<string>();
    const index = this.byFirstStem[lang];
    for (let i = 0; i < items.length; i += 1) {
      for (const pattern of index.get((items[i] as Term).stem) ?? []) {
        if (found.has(pattern.concept)) continue;
        let ok = true;
        for (let j = 1; j < pattern.stems.length; j += 1) {
          if (items[i + j]?.stem !== pattern.stems[j]) {
            ok = false;
            break;
          }
        }
        if (ok) found.add(pattern.concept);
      }
    }
    return [...found].sort();
  }
}
