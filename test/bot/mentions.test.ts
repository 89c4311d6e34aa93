import type { Activity } from 'botbuilder';
import { stripBotMentions } from '../../src/bot/mentions';

const bot = { id: '28:bot-id', name: 'MoU Bot' };
const mention = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });

function activity(text: string, entities: Activity['entities'], recipient: { id: string; name: string } | null = bot): Partial<Activity> {
  return { type: 'message', text, entities, ...(recipient ? { recipient } : {}) };
}

describe('stripBotMentions', () => {
  it('removes the bot mention', () => {
    expect(stripBotMentions(activity('<at>MoU Bot</at> hvem underskrev?', [mention(bot.id, bot.name)]))).toBe('hvem underskrev?');
  });

  it('removes every occurrence, not only the first', () => {
    const entities = [mention(bot.id, bot.name), mention(bot.id, bot.name)];
    expect(stripBotMentions(activity('<at>MoU Bot</at> hvem underskrev? <at>MoU Bot</at>', entities))).toBe('hvem underskrev?');
    expect(stripBotMentions(activity('<at>MoU Bot</at> <at>MoU Bot</at> who signed?', [mention(bot.id, bot.name)]))).toBe('who signed?');
  });

  it("keeps other people's mentions", () => {
    const entities = [mention(bot.id, bot.name), mention('29:alice', 'Alice')];
    expect(stripBotMentions(activity('<at>MoU Bot</at> ask <at>Alice</at>', entities))).toBe('ask <at>Alice</at>');
  });

  it('handles names with regular-expression characters', () => {
    const name = 'MoU (Bot) *beta*';
    expect(stripBotMentions(activity(`<at>${name}</at> hello`, [mention(bot.id, name)], { id: bot.id, name }))).toBe('hello');
  });

  it('uses the mentioned name when the entity has no text', () => {
    const entities = [{ type: 'mention', mentioned: { id: bot.id, name: bot.name } }];
    expect(stripBotMentions(activity('<at>MoU Bot</at> hi', entities))).toBe('hi');
  });

  it('leaves the text alone without a recipient, without entities, or without a mention', () => {
    expect(stripBotMentions(activity('<at>MoU Bot</at> hi', [mention(bot.id, bot.name)], null))).toBe('<at>MoU Bot</at> hi');
    expect(stripBotMentions(activity('<at>MoU Bot</at> hi', undefined))).toBe('<at>MoU Bot</at> hi');
    expect(stripBotMentions(activity('plain question', [mention(bot.id, bot.name)]))).toBe('plain question');
  });

  it('gives an empty string for a message that is only the mention, or has no text', () => {
    expect(stripBotMentions(activity('<at>MoU Bot</at>', [mention(bot.id, bot.name)]))).toBe('');
    expect(stripBotMentions({ type: 'message', recipient: bot })).toBe('');
  });
});
