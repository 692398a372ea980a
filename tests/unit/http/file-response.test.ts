import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileResponse } from "../../../lib/http/file-response";

const dir = mkdtempSync(path.join(tmpdir(), "auteur-file-response-"));
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const filePath = path.join(dir, "film.mp4");
writeFileSync(filePath, bytes);
const file = { path: filePath, contentType: "video/mp4", size: bytes.length };
const get = (range?: string) => new Request("http://localhost/x", { headers: range ? { range } : {} });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fileResponse", () => {
  it("streams the whole file with its type and length", async () => {
    const response = fileResponse(get(), file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("answers a range with 206, Content-Range and exactly those bytes", async () => {
    const response = fileResponse(get("bytes=100-199"), file);
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(response.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it("answers a range past the end with 416", () => {
    const response = fileResponse(get("bytes=5000-"), file);
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });

  it("answers HEAD with headers only", async () => {
    const response = fileResponse(get("bytes=0-"), file, { headOnly: true });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-length")).toBe("1000");
    expect(response.body).toBeNull();
  });
});
