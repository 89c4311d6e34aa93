import { CONFIDENT_DETECTION, decideReplyLanguage, replyLanguage, type ReplyLanguageInput } from '../../src/bot/replyLanguage';
import { localeInputs } from '../../src/bot/turnLanguage';
import type { Lang } from '../../src/nlu/types';

describe('replyLanguage', () => {
  const cases: Array<[string, ReplyLanguageInput, Lang]> = [
    ['Danish locale', { activityLocale: 'da-DK' }, 'da'],
    ['bare da', { activityLocale: 'da' }, 'da'],
    ['upper case, underscore', { activityLocale: 'DA_dk' }, 'da'],
    ['French locale', { activityLocale: 'fr-FR' }, 'fr'],
    ['Belgian French', { activityLocale: 'fr-BE' }, 'fr'],
    ['Canadian French', { activityLocale: 'fr-ca' }, 'fr'],
    ['English', { activityLocale: 'en-US' }, 'en'],
    ['British English', { activityLocale: 'en-GB' }, 'en'],
    ['another language', { activityLocale: 'de-DE' }, 'en'],
    ['Norwegian is not Danish', { activityLocale: 'nb-NO' }, 'en'],
    ['"dan" is not a da-* locale', { activityLocale: 'dan' }, 'en'],
    ['no locale at all', {}, 'en'],
    ['empty locale', { activityLocale: '' }, 'en'],
    ['blank locale, Teams client in French', { activityLocale: ' ', clientInfoLocale: 'fr-FR' }, 'fr'],
    ['only the Teams client locale', { clientInfoLocale: 'da-DK' }, 'da'],
    ['the activity locale wins over the Teams client', { activityLocale: 'en-US', clientInfoLocale: 'da-DK' }, 'en'],
    ['activity French, client Danish', { activityLocale: 'fr-FR', clientInfoLocale: 'da-DK' }, 'fr'],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(replyLanguage(input)).toBe(expected);
  });
});

describe('the reply-language policy, step by step', () => {
  const sure = (lang: Lang) => ({ lang, confidence: 1 });
  const unsure = (lang: Lang) => ({ lang, confidence: CONFIDENT_DETECTION / 2 });
  const cases: Array<[string, ReplyLanguageInput, Lang, string]> = [
    ['1. an explicit choice beats everything', { chosen: 'fr', detected: sure('da'), previous: 'en', activityLocale: 'da-DK' }, 'fr', 'chosen'],
    ['2. a confident detection beats history and channel', { detected: sure('da'), previous: 'fr', activityLocale: 'en-US' }, 'da', 'detected'],
    ['2. detection at exactly the threshold counts', { detected: { lang: 'fr', confidence: CONFIDENT_DETECTION }, activityLocale: 'en-US' }, 'fr', 'detected'],
    ['3. an unsure detection gives way to the previous message', { detected: unsure('en'), previous: 'da', activityLocale: 'fr-FR' }, 'da', 'previous'],
    ['3. no detection: the previous message', { previous: 'fr', activityLocale: 'da-DK' }, 'fr', 'previous'],
    ['4. nothing else: the channel locale', { detected: unsure('fr'), activityLocale: 'da-DK' }, 'da', 'channel'],
    ['4. nothing else: the Teams client locale', { clientInfoLocale: 'fr-FR' }, 'fr', 'channel'],
    ['5. nothing at all: English', {}, 'en', 'default'],
    ['5. an unusable locale counts as English', { activityLocale: '  ' }, 'en', 'default'],
  ];
  it.each(cases)('%s', (_name, input, lang, reason) => {
    expect(decideReplyLanguage(input)).toEqual({ lang, reason });
  });
});

describe('localeInputs', () => {
  it('reads the activity locale and a Teams clientInfo entity', () => {
    expect(localeInputs({ locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'da-DK', country: 'DK' }] })).toEqual({
      activityLocale: 'en-US',
      clientInfoLocale: 'da-DK',
    });
  });

  it('ignores entities of other types and non-string locales', () => {
    expect(localeInputs({ entities: [{ type: 'mention', locale: 'fr' }, { type: 'clientInfo', locale: 42 }] })).toEqual({});
  });
});
