import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AuteurError } from "../../../lib/errors";
import { errorBody, errorResponse } from "../../../lib/http/error-response";

describe("errorResponse", () => {
  it("answers an AuteurError with its code, message and status", async () => {
    const response = errorResponse(new AuteurError("not_found", 'No film "abc".'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: 'No film "abc".' } });
  });

  it("turns a zod error into invalid_input naming the field", () => {
    const result = z.object({ idea: z.string().min(1, "too short") }).safeParse({ idea: "" });
    expect(result.success).toBe(false);
    const { status, body } = errorBody(result.error);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_input", message: "idea: too short" });
  });

  it("never leaks an unexpected error's message or stack", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("ECONNREFUSED 10.0.0.3:5432 at /srv/app/lib/db.ts:12"));
    spy.mockRestore();
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("ECONNREFUSED");
    expect(text).not.toContain("lib/db.ts");
    expect(JSON.parse(text).error.code).toBe("internal");
  });
});
