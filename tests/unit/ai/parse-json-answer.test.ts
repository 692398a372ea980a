import { describe, expect, test } from "vitest";
import { parseJsonAnswer } from "../../../lib/ai/parse-json-answer";

describe("parseJsonAnswer", () => {
  test("plain, fenced and wrapped answers", () => {
    expect(parseJsonAnswer('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonAnswer('```json\n{"a": [1, 2]}\n```')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonAnswer('Here you go: {"a": "}"} hope that helps')).toEqual({ ok: true, value: { a: "}" } });
  });

  test("repairs trailing commas", () => {
    expect(parseJsonAnswer('{"a": [1, 2,], "b": 3,}')).toEqual({ ok: true, value: { a: [1, 2], b: 3 } });
  });

  test("truncated, empty and prose answers are refused with a reason to send back", () => {
    expect(parseJsonAnswer('{"a": [1, 2')).toMatchObject({ ok: false, error: expect.stringMatching(/cut off/) });
    expect(parseJsonAnswer("")).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseJsonAnswer("I cannot do that.")).toMatchObject({ ok: false, error: expect.stringMatching(/no JSON object/) });
    expect(parseJsonAnswer('{"a": nope}')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });
});
