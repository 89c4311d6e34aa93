import { parseLanguageCommand } from '../../src/nlu/language-command';

describe('parseLanguageCommand', () => {
  test.each([
    ['svar på dansk', 'da'],
    ['på dansk tak', 'da'],
    ['pa dansk tak', 'da'],
    ['kan du tale engelsk?', 'en'],
    ['Kan du svare på fransk', 'fr'],
    ['skift til engelsk', 'en'],
    ['réponds en français', 'fr'],
    ['reponds en francais', 'fr'],
    ["en anglais s'il te plaît", 'en'],
    ['Parlez-vous danois ?', 'da'],
    ['English please', 'en'],
    ['switch to Danish', 'da'],
    ['Can you answer in French, please?', 'fr'],
    ['dansk', 'da'],
    ['français', 'fr'],
    ['English', 'en'],
    ['DANSK!', 'da'],
  ])('%j switches to %s', (text, lang) => {
    expect(parseLanguageCommand(text)).toEqual({ kind: 'switch', lang, rest: '' });
  });

  test.each([
    ['Réponds en anglais : qui a signé ?', 'en', 'qui a signé ?'],
    ['Answer in French: who signed?', 'fr', 'who signed?'],
    ['På dansk, tak. Hvornår blev aftalen underskrevet?', 'da', 'Hvornår blev aftalen underskrevet?'],
    ['English please - where was it signed?', 'en', 'where was it signed?'],
  ])('%j switches to %s and keeps the question %j', (text, lang, rest) => {
    const command = parseLanguageCommand(text);
    expect(command).toMatchObject({ kind: 'switch', lang });
    if (command?.kind === 'switch') expect(command.rest).toBe(rest);
  });

  test.each(['language', 'Sprog', 'langue', 'change language', 'skift sprog', 'changer de langue'])('%j asks for the language menu', (text) => {
    expect(parseLanguageCommand(text)).toEqual({ kind: 'menu' });
  });

  test.each([
    'Is DNGC Danish?',
    'Hvem er den danske underskriver?',
    'Qui est le signataire français ?',
    'What does the French delegation say?',
    'hvornår',
    'dansk eller fransk',
    '',
    '🙂',
    'Who signed the MoU in French embassy?',
  ])('%j is not a language request', (text) => {
    expect(parseLanguageCommand(text)).toBeUndefined();
  });
});
