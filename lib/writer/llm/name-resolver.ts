import type { Character } from "../../screenplay/schema";

const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * Map a name the model wrote to a character id: exact id, full name, or a first or last name that only
 * one character has. Undefined for anyone else (the guardrail: no lines for people who do not exist).
 */
export function nameResolver(characters: readonly Pick<Character, "id" | "name">[]): (name: string) => string | undefined {
  const exact = new Map<string, string>();
  const partial = new Map<string, string | null>();
  for (const c of characters) {
    exact.set(norm(c.name), c.id);
    exact.set(norm(c.id), c.id);
    for (const part of norm(c.name).split(" ")) {
      if (part.length < 2) continue;
      partial.set(part, partial.has(part) && partial.get(part) !== c.id ? null : c.id);
    }
  }
  return (name) => {
    const n = norm(name);
    return exact.get(n) ?? partial.get(n) ?? partial.get(n.split(" ")[0]) ?? undefined;
  };
}
