/**
 * The round-two routes with the lib layer replaced: versions (undo, checkout, branches, compare,
 * delete), shares, the playlist and its segments, the event stream and the streamed film creation.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AuteurError } from "../../../lib/errors";

const versions = vi.hoisted(() => ({ undo: vi.fn(), checkoutCut: vi.fn(), createBranch: vi.fn(), deleteBranch: vi.fn(), deleteFilm: vi.fn(), compareCuts: vi.fn() }));
const service = vi.hoisted(() => ({ createFilm: vi.fn(), sendMessage: vi.fn(), getFilm: vi.fn(), listFilms: vi.fn(), getCutFile: vi.fn(), getShotPoster: vi.fn(), isCutFileName: (n: string) => ["film.mp4", "film.vtt", "film.srt"].includes(n) }));
const share = vi.hoisted(() => ({
  createShare: vi.fn(),
  listShares: vi.fn(),
  revokeShare: vi.fn(),
  resolveShare: vi.fn(),
  getSharedFilm: vi.fn(),
  sharedUrls: (t: string) => ({ segment: (i: number) => `/api/s/${t}/segments/${i}.ts` }),
}));
const playlist = vi.hoisted(() => ({ getCutPlaylist: vi.fn(), getCutSegment: vi.fn() }));
vi.mock("../../../lib/film/versions", () => versions);
vi.mock("../../../lib/film/service", () => service);
vi.mock("../../../lib/film/share", () => share);
vi.mock("../../../lib/film/playlist", () => playlist);
// A database whose change notifications never come: live views are read on every look.
const database = { listen: async () => Promise.reject(new Error("no LISTEN here")) };
vi.mock("../../../lib/runtime", () => ({ getLocalUser: async () => ({ id: "local", name: "You" }), getRuntime: async () => ({ database }) }));

const filmRoute = await import("../../../app/api/films/[filmId]/route");
const filmsRoute = await import("../../../app/api/films/route");
const messages = await import("../../../app/api/films/[filmId]/messages/route");
const undo = await import("../../../app/api/films/[filmId]/undo/route");
const checkout = await import("../../../app/api/films/[filmId]/checkout/route");
const branches = await import("../../../app/api/films/[filmId]/branches/route");
const branch = await import("../../../app/api/films/[filmId]/branches/[branchId]/route");
const compare = await import("../../../app/api/films/[filmId]/compare/route");
const events = await import("../../../app/api/films/[filmId]/events/route");
const shares = await import("../../../app/api/films/[filmId]/shares/route");
const shareOne = await import("../../../app/api/films/[filmId]/shares/[shareId]/route");
const m3u8 = await import("../../../app/api/cuts/[cutId]/playlist.m3u8/route");
const segment = await import("../../../app/api/cuts/[cutId]/segments/[index]/route");
const shared = await import("../../../app/api/s/[token]/route");
const sharedFile = await import("../../../app/api/s/[token]/[name]/route");

const post = (url: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });
const params = <T,>(p: T) => ({ params: Promise.resolve(p) });
const all = [versions, service, share, playlist].flatMap((m) => Object.values(m).filter((f) => vi.isMockFunction(f)));
beforeEach(() => all.forEach((f) => (f as ReturnType<typeof vi.fn>).mockReset()));

describe("versions", () => {
  it("undoes on the main branch, or the one named", async () => {
    versions.undo.mockResolvedValue({ branchId: "b1", cutId: "c1" });
    const response = await undo.POST(post("/api/films/f1/undo"), params({ filmId: "f1" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ branchId: "b1", cutId: "c1" });
    expect(versions.undo).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1" });
    await undo.POST(post("/api/films/f1/undo", { branchId: "b2" }), params({ filmId: "f1" }));
    expect(versions.undo).toHaveBeenLastCalledWith({ ownerId: "local", filmId: "f1", branchId: "b2" });
  });

  it("answers undo of a first cut with the service's conflict message", async () => {
    versions.undo.mockRejectedValue(new AuteurError("conflict", "There is nothing to undo: this is the first cut."));
    const response = await undo.POST(post("/api/films/f1/undo", {}), params({ filmId: "f1" }));
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe("There is nothing to undo: this is the first cut.");
  });

  it("checks out a cut and needs its id", async () => {
    versions.checkoutCut.mockResolvedValue({ branchId: "b1", cutId: "c0" });
    expect((await checkout.POST(post("/x", { cutId: "c0" }), params({ filmId: "f1" }))).status).toBe(200);
    expect(versions.checkoutCut).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", cutId: "c0" });
    const missing = await checkout.POST(post("/x", {}), params({ filmId: "f1" }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/^cutId: /);
  });

  it("branches from a cut with a name, and deletes a branch", async () => {
    versions.createBranch.mockResolvedValue({ branchId: "b2", name: "noir", cutId: "c3" });
    const made = await branches.POST(post("/x", { fromCutId: "c3", name: " noir " }), params({ filmId: "f1" }));
    expect(made.status).toBe(201);
    expect(versions.createBranch).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", fromCutId: "c3", name: "noir" });
    versions.deleteBranch.mockResolvedValue({ gc: { assets: 0 } });
    const gone = await branch.DELETE(new Request("http://localhost/x", { method: "DELETE" }), params({ filmId: "f1", branchId: "b2" }));
    expect(gone.status).toBe(200);
    expect(versions.deleteBranch).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", branchId: "b2" });
  });

  it("compares two cuts and says how to ask when one is missing", async () => {
    versions.compareCuts.mockResolvedValue({ summary: { changed: 1 } });
    const response = await compare.GET(new Request("http://localhost/x?a=c1&b=c2"), params({ filmId: "f1" }));
    expect(await response.json()).toEqual({ summary: { changed: 1 } });
    expect(versions.compareCuts).toHaveBeenCalledWith({ ownerId: "local", a: "c1", b: "c2" });
    const bad = await compare.GET(new Request("http://localhost/x?a=c1"), params({ filmId: "f1" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("?a=<cutId>&b=<cutId>");
  });

  it("deletes a film", async () => {
    versions.deleteFilm.mockResolvedValue({ gc: {} });
    expect((await filmRoute.DELETE(new Request("http://localhost/x", { method: "DELETE" }), params({ filmId: "f1" }))).status).toBe(200);
    expect(versions.deleteFilm).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1" });
  });

  it("passes a message's requestId and branch through", async () => {
    service.sendMessage.mockResolvedValue({ cutId: "c2", summary: "ok", branchId: "b1" });
    await messages.POST(post("/x", { message: "new take", target: { kind: "shot", id: "s1" }, requestId: "r-1", branchId: "b1" }), params({ filmId: "f1" }));
    expect(service.sendMessage).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", message: "new take", target: { kind: "shot", id: "s1" }, requestId: "r-1", branchId: "b1" });
  });
});

describe("streaming", () => {
  it("serves the playlist as HLS", async () => {
    playlist.getCutPlaylist.mockResolvedValue("#EXTM3U\n");
    const response = await m3u8.GET(new Request("http://localhost/x"), params({ cutId: "c1" }));
    expect(response.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(await response.text()).toBe("#EXTM3U\n");
    expect(playlist.getCutPlaylist).toHaveBeenCalledWith({ ownerId: "local", cutId: "c1" });
  });

  it("refuses a segment name that is not <index>.ts without looking anything up", async () => {
    const response = await segment.GET(new Request("http://localhost/x"), params({ cutId: "c1", index: "../x.ts" }));
    expect(response.status).toBe(404);
    expect(playlist.getCutSegment).not.toHaveBeenCalled();
  });

  it("streams draft lines then done when asked for NDJSON", async () => {
    service.createFilm.mockImplementation(async ({ onPartial }: { onPartial: (d: unknown) => void }) => {
      onPartial({ level: "premise", title: "Neon" });
      onPartial({ level: "shots", title: "Neon" });
      return { filmId: "f1", cutId: "c1" };
    });
    const response = await filmsRoute.POST(post("/api/films", { idea: "a noir" }, { accept: "application/x-ndjson" }));
    expect(response.headers.get("content-type")).toMatch(/x-ndjson/);
    const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(["draft", "draft", "done"]);
    expect(lines[2]).toEqual({ type: "done", filmId: "f1", cutId: "c1" });
  });

  it("answers an empty idea with a plain 400 even when NDJSON is asked for", async () => {
    const response = await filmsRoute.POST(post("/api/films", { idea: "" }, { accept: "application/x-ndjson" }));
    expect(response.status).toBe(400);
    expect(service.createFilm).not.toHaveBeenCalled();
  });

  it("opens an event stream that sends the film view", async () => {
    service.getFilm.mockResolvedValue({ id: "f1", head: { status: "rendering" } });
    const controller = new AbortController();
    const response = await events.GET(new Request("http://localhost/x", { signal: controller.signal }), params({ filmId: "f1" }));
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: film")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    await reader.cancel();
    expect(text).toContain('"id":"f1"');
  });
});

describe("sharing", () => {
  it("makes, lists and revokes links for the owner", async () => {
    share.createShare.mockResolvedValue({ id: "s1", token: "t".repeat(32), url: "/s/" + "t".repeat(32) });
    const made = await shares.POST(post("/x", { cutId: "c1" }), params({ filmId: "f1" }));
    expect(made.status).toBe(201);
    expect(share.createShare).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", cutId: "c1" });
    share.listShares.mockResolvedValue([]);
    expect(await (await shares.GET(new Request("http://localhost/x"), params({ filmId: "f1" }))).json()).toEqual({ shares: [] });
    share.revokeShare.mockResolvedValue({ id: "s1", revoked: true });
    await shareOne.DELETE(new Request("http://localhost/x", { method: "DELETE" }), params({ filmId: "f1", shareId: "s1" }));
    expect(share.revokeShare).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", shareId: "s1" });
  });

  it("serves only the shared cut's files, as its owner", async () => {
    share.resolveShare.mockResolvedValue({ ownerId: "someone", filmId: "f1", cutId: "c7" });
    service.getCutFile.mockRejectedValue(new AuteurError("not_found", "This cut is not finished yet."));
    const response = await sharedFile.GET(new Request("http://localhost/x"), params({ token: "tok", name: "film.mp4" }));
    expect(response.status).toBe(404);
    expect(service.getCutFile).toHaveBeenCalledWith({ ownerId: "someone", cutId: "c7", name: "film.mp4" });
    const other = await sharedFile.GET(new Request("http://localhost/x"), params({ token: "tok", name: "dialogue.wav" }));
    expect(other.status).toBe(404);
    expect(service.getCutFile).toHaveBeenCalledTimes(1);
  });

  it("serves the shared cut's playlist with segment URLs under the token", async () => {
    share.resolveShare.mockResolvedValue({ ownerId: "someone", filmId: "f1", cutId: "c7" });
    playlist.getCutPlaylist.mockImplementation(async ({ segmentUrl }: { segmentUrl: (i: number) => string }) => `#EXTM3U\n${segmentUrl(0)}\n`);
    const response = await sharedFile.GET(new Request("http://localhost/x"), params({ token: "tok", name: "playlist.m3u8" }));
    expect(await response.text()).toContain("/api/s/tok/segments/0.ts");
  });

  it("answers a revoked token with 404", async () => {
    share.getSharedFilm.mockRejectedValue(new AuteurError("not_found", "This link does not exist or was revoked."));
    const response = await shared.GET(new Request("http://localhost/x"), params({ token: "gone" }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("This link does not exist or was revoked.");
  });
});
