import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AuteurError } from "../../../lib/errors";
import { readJson } from "../../../lib/http/read-json";

const Body = z.object({ idea: z.string().trim().min(1, "Type an idea for your film first.") });
const post = (body: string) => new Request("http://localhost/api/films", { method: "POST", body });

describe("readJson", () => {
  it("returns the parsed, checked body", async () => {
    await expect(readJson(post('{"idea":"  a heist  "}'), Body)).resolves.toEqual({ idea: "a heist" });
  });

  it("rejects a body that is not JSON with invalid_input", async () => {
    const error = await readJson(post("{idea:"), Body).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("rejects an empty idea with the schema's own words", async () => {
    const error = await readJson(post('{"idea":"   "}'), Body).catch((e) => e);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("Type an idea for your film first.");
  });

  it("names the field in front of a built-in message", async () => {
    const error = await readJson(post('{"idea":42}'), Body).catch((e) => e);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^idea: /);
  });
});
