/**
 * The chat in the order it happened. Messages written in one transaction share a timestamp; between
 * those, a person's message comes before the answer to it. Pure; keeps the original order otherwise.
 */
import type { MessageView } from "../../lib/film/views";

export function orderMessages(messages: readonly MessageView[]): MessageView[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => {
      const byTime = Date.parse(a.message.createdAt) - Date.parse(b.message.createdAt);
      if (byTime) return byTime;
      if (a.message.role !== b.message.role) return a.message.role === "user" ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ message }) => message);
}
