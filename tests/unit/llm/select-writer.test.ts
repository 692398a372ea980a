import { afterEach, describe, expect, test } from "vitest";
import { parseScreenplay } from "../../../lib/screenplay/validate";
import { getWriter } from "../../../lib/writer/llm/select-writer";
import { startFakeServer, type FakeServer } from "./fake-openai-server";
import { filmScript } from "./film-script";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("getWriter", () => {
  test("no model configured: the offline engine, async", async () => {
    const writer = getWriter({ openaiModel: "gpt-4.1-mini", llmTimeoutMs: 120_000 });
    expect(writer.kind).toBe("offline");
    const { screenplay } = await writer.write("a 1-minute western about Ada");
    expect(() => parseScreenplay(screenplay)).not.toThrow();
    const revision = await writer.revise(screenplay, "make it 2 minutes");
    expect(revision.screenplay.targetDurationSeconds).toBe(120);
  });

  test("LLM_BASE_URL + LLM_MODEL: the LLM writer against that server", async () => {
    server = await startFakeServer(filmScript());
    const writer = getWriter({ llmBaseUrl: server.baseURL, llmModel: "llama3.1", openaiModel: "unused", llmTimeoutMs: 5_000 });
    expect(writer.kind).toBe("compatible");
    const { screenplay } = await writer.write("a 1-minute western");
    expect(screenplay.title).toBe("The Last Ride");
    expect(server.requests[0].body.model).toBe("llama3.1");
    expect(server.requests[0].body.response_format.type).toBe("json_schema");
  });
});
