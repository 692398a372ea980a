import { describe, expect, it } from "vitest";
import { orderMessages } from "../../../app/_lib/order-messages";
import type { MessageView } from "../../../lib/film/views";

const m = (id: string, role: MessageView["role"], createdAt: string): MessageView => ({ id, role, content: id, cutId: null, createdAt });

describe("orderMessages", () => {
  it("puts a person's message before the answer written at the same moment", () => {
    const t = "2026-11-21T05:00:00.000Z";
    expect(orderMessages([m("answer", "assistant", t), m("idea", "user", t)]).map((x) => x.id)).toEqual(["idea", "answer"]);
  });

  it("keeps time order across turns", () => {
    const list = [m("a2", "assistant", "2026-11-21T05:01:00Z"), m("u2", "user", "2026-11-21T05:01:00Z"), m("a1", "assistant", "2026-11-21T05:00:00Z"), m("u1", "user", "2026-11-21T05:00:00Z")];
    expect(orderMessages(list).map((x) => x.id)).toEqual(["u1", "a1", "u2", "a2"]);
  });
});
