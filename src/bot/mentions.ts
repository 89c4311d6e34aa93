import type { Activity } from 'botbuilder';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The message text without any @mention of the bot itself: every `<at>…</at>` occurrence,
 * where TurnContext.removeRecipientMention strips only the first. Other people's mentions
 * are kept. Returns the text unchanged when the activity names no recipient.
 */
export function stripBotMentions(activity: Partial<Activity>): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  if (!botId || !text.includes('<at')) return text;
  const names = new Set<string>();
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned: unknown = entity.mentioned;
    if (typeof mentioned !== 'object' || mentioned === null || (mentioned as { id?: unknown }).id !== botId) continue;
    const mentionText: unknown = entity.text;
    const inner = typeof mentionText === 'string' ? /^<at[^>]*>([\s\S]*)<\/at>$/i.exec(mentionText.trim())?.[1] : undefined;
    const name = inner ?? (mentioned as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim() !== '') names.add(name.trim());
  }
  let stripped = text;
  for (const name of names) {
    stripped = stripped.replace(new RegExp(`<at[^>]*>\\s*${escapeRegExp(name)}\\s*</at>`, 'gi'), ' ');
  }
  return stripped.replace(/\s+/g, ' ').trim();
}
