// natural's index pulls in database drivers and dotenv; only these sub-modules are loaded.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(word: string): string };
  export = PorterStemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const PorterStemmerFr: { stem(word: string): string };
  export = PorterStemmerFr;
}
declare module 'natural/lib/natural/distance' {
  export function DamerauLevenshteinDistance(
    a: string,
    b: string,
    options?: { restricted?: boolean; insertion_cost?: number; deletion_cost?: number; substitution_cost?: number; transposition_cost?: number },
  ): number;
}
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}
declare module 'stopwords-iso' {
  const lists: Record<string, string[]>;
  export default lists;
}
