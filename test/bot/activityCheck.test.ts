import { checkActivity } from '../../src/bot/activityCheck';

const valid = {
  type: 'message',
  text: 'hello',
  conversation: { id: 'c1' },
  from: { id: 'u1' },
  recipient: { id: 'b1' },
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};

describe('checkActivity', () => {
  it('accepts a complete activity', () => {
    expect(checkActivity(valid)).toEqual({ ok: true, activity: valid });
  });

  it('accepts no serviceUrl when the replies come back in the response', () => {
    expect(checkActivity({ ...valid, serviceUrl: undefined, deliveryMode: 'expectReplies' }).ok).toBe(true);
  });

  const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
  it.each<[string, unknown, string]>([
    ['not an object', 'hello', 'the body must be a JSON object (an activity)'],
    ['an array', [valid], 'the body must be a JSON object (an activity)'],
    ['no type', without('type'), 'the activity has no type'],
    ['an empty type', { ...valid, type: '' }, 'the activity has no type'],
    ['no conversation', without('conversation'), 'the activity has no conversation.id'],
    ['a conversation without id', { ...valid, conversation: {} }, 'the activity has no conversation.id'],
    ['no recipient', without('recipient'), 'the activity has no recipient.id'],
    ['no from', without('from'), 'the activity has no from.id'],
    ['no serviceUrl', without('serviceUrl'), 'the activity has no serviceUrl'],
    ['a serviceUrl that is not http', { ...valid, serviceUrl: 'file:///etc/passwd' }, 'the activity serviceUrl is not an http(s) URL'],
    ['text that is not a string', { ...valid, text: { a: 1 } }, 'the activity text must be a string'],
  ])('refuses %s', (_name, body, reason) => {
    expect(checkActivity(body)).toEqual({ ok: false, reason });
  });
});
