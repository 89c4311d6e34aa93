import type { Activity } from 'botbuilder';

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks what the adapter needs but does not check itself: without a type it answers 500,
 * without a conversation or serviceUrl it loses the reply silently, without a recipient the
 * mention handling throws; without a sender the user state has no key. `serviceUrl` is not needed when the replies come back in the
 * response (deliveryMode "expectReplies").
 */
export function checkActivity(body: unknown): ActivityCheck {
  if (!isObject(body)) return { ok: false, reason: 'the body must be a JSON object (an activity)' };
  if (!nonEmpty(body.type)) return { ok: false, reason: 'the activity has no type' };
  if (!isObject(body.conversation) || !nonEmpty(body.conversation.id)) return { ok: false, reason: 'the activity has no conversation.id' };
  if (!isObject(body.recipient) || !nonEmpty(body.recipient.id)) return { ok: false, reason: 'the activity has no recipient.id' };
  if (!isObject(body.from) || !nonEmpty(body.from.id)) return { ok: false, reason: 'the activity has no from.id' };
  if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') return { ok: false, reason: 'the activity text must be a string' };
  if (body.deliveryMode !== 'expectReplies') {
    if (!nonEmpty(body.serviceUrl)) return { ok: false, reason: 'the activity has no serviceUrl' };
    if (!isHttpUrl(body.serviceUrl)) return { ok: false, reason: 'the activity serviceUrl is not an http(s) URL' };
  }
  return { ok: true, activity: body as unknown as Activity };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
