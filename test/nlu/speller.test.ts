import { Speller } from '../../src/nlu/speller';

describe('Speller', () => {
  const speller = new Speller(['signatories', 'signed', 'embassy', 'aftalen', 'underskrevet', 'lundgren', 'lundgren', 'london']);

  test.each([
    ['signatoires', 'signatories'],
    ['sigend', 'signed'],
    ['embasy', 'embassy'],
    ['aftlen', 'aftalen'],
    ['undreskrevet', 'underskrevet'],
    ['lundgrn', 'lundgren'],
  ])('%s -> %s', (typo, word) => {
    expect(speller.correct(typo)).toBe(word);
  });

  test('known words are kept and far words are not corrected', () => {
    expect(speller.correct('embassy')).toBe('embassy');
    expect(speller.correct('weather')).toBeUndefined();
    expect(speller.correct('abc')).toBeUndefined();
    expect(speller.correct('2023')).toBeUndefined();
  });
});
