import { describe, expect, it } from "vitest";
import { AuteurError } from "../../../lib/errors";
import { LIMITS } from "../../../lib/screenplay/limits";
import { checkIdea, checkMessage } from "../../../lib/writer";

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AuteurError);
    return { code: (error as AuteurError).code, message: (error as AuteurError).message };
  }
  throw new Error("expected a throw");
}

describe("checkIdea", () => {
  it("rejects an empty or blank idea with a friendly message", () => {
    for (const idea of ["", "   ", "\n\t\u200b\u0000"]) {
      const e = codeOf(() => checkIdea(idea));
      expect(e.code).toBe("invalid_input");
      expect(e.message).toMatch(/idea is empty/i);
    }
  });

  it("rejects an idea with no letters", () => {
    const e = codeOf(() => checkIdea("12345 !!! ??? --- 3.14"));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toMatch(/no words/);
  });

  it("rejects a 100 KB idea, saying its length and the limit", () => {
    const idea = "a western about Ada. ".repeat(5000);
    const e = codeOf(() => checkIdea(idea));
    expect(e.code).toBe("limit_exceeded");
    expect(e.message).toContain((20_000).toLocaleString("en-US"));
    expect(e.message).toMatch(/\d{2,3},\d{3} characters/);
    expect(idea.length).toBeGreaterThan(LIMITS.maxIdeaChars);
  });

  it("strips control, zero-width and bidi characters and turns line breaks into spaces", () => {
    const cleaned = checkIdea("  A\u0000 western\u200b about\u202e Ada\r\nand\tTom\u0007  ");
    expect(cleaned).toBe("A western about Ada and Tom");
  });

  it("keeps other scripts and accents", () => {
    expect(checkIdea("Café noir à Paris — 東京の物語")).toBe("Café noir à Paris — 東京の物語");
  });
});

describe("checkMessage", () => {
  it("applies the message limit", () => {
    expect(checkMessage("make the ending hopeful")).toBe("make the ending hopeful");
    const e = codeOf(() => checkMessage("x".repeat(LIMITS.maxMessageChars + 1)));
    expect(e.code).toBe("limit_exceeded");
    expect(e.message).toContain("4,000");
    expect(codeOf(() => checkMessage("  ")).message).toMatch(/message is empty/i);
  });
});
