import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Conversation } from './conversation';

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

/**
 * What a Direct Line client may post. Unknown properties are dropped; the channel,
 * conversation, sender and recipient are always set by the server, never trusted from the client.
 */
const clientActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(2000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().regex(LANGUAGE_TAG).optional(),
  localTimestamp: z.string().max(40).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(128).optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(128).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(16).optional(),
  // File upload is not offered; Web Chat still sends an empty list.
  attachments: z.array(z.unknown()).max(0).optional(),
  from: z.object({ id: z.string().max(128).optional(), name: z.string().max(128).optional() }).optional(),
});

/**
 * botbuilder's Activity type marks many wire-optional fields (label, valueType, callerId...) as
 * required, and types timestamps as Date; the channel builds plain wire activities and names the cast once.
 */
export function toActivity(fields: Record<string, unknown> & { type: string }): Activity {
  return fields as unknown as Activity;
}

export type ParsedClientActivity =
  | { ok: true; activity: Activity }
  | { ok: false; message: string };

export interface ChannelIdentity {
  serviceUrl: string;
  bot: { id: string; name: string };
}

/** Validates a client's activity and completes it as Direct Line would before it reaches the bot. */
export function parseClientActivity(body: unknown, conversation: Conversation, identity: ChannelIdentity): ParsedClientActivity {
  const parsed = clientActivity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Invalid activity${issue ? ` (${issue.path.map(String).join('.') || 'body'}: ${issue.message})` : ''}` };
  }
  const { from, locale, ...rest } = parsed.data;
  const activity = toActivity({
    ...rest,
    channelId: 'directline',
    serviceUrl: identity.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { ...conversation.user, ...(from?.name ? { name: from.name } : {}) },
    recipient: { id: identity.bot.id, name: identity.bot.name, role: 'bot' },
    ...((locale ?? conversation.locale) ? { locale: locale ?? conversation.locale } : {}),
  });
  return { ok: true, activity };
}

/** The conversationUpdate Direct Line sends when a conversation starts. */
export function conversationStartActivity(conversation: Conversation, identity: ChannelIdentity): Activity {
  const bot = { id: identity.bot.id, name: identity.bot.name, role: 'bot' };
  return toActivity({
    type: 'conversationUpdate',
    channelId: 'directline',
    serviceUrl: identity.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: conversation.user,
    recipient: bot,
    membersAdded: [bot, conversation.user],
    ...(conversation.locale ? { locale: conversation.locale } : {}),
  });
}
