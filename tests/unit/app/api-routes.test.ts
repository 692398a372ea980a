/**
 * The route handlers, with the service layer replaced: they parse, call one service function with the
 * local owner, and answer JSON or files; errors come back as `{ error: { code, message } }`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AuteurError } from "../../../lib/errors";

const service = vi.hoisted(() => ({
  createFilm: vi.fn(),
  sendMessage: vi.fn(),
  getFilm: vi.fn(),
  listFilms: vi.fn(),
  getCutFile: vi.fn(),
  getShotPoster: vi.fn(),
}));
vi.mock("../../../lib/film/service", () => service);
// The labelled export is the service's film.mp4 plus a C2PA manifest (tests/integration/provenance.test.ts).
vi.mock("../../../lib/provenance/labelled-film", () => ({
  getLabelledFilmFile: (input: { ownerId: string; cutId: string }) => service.getCutFile({ ...input, name: "film.mp4" }),
}));
vi.mock("../../../lib/runtime", () => ({ getLocalUser: async () => ({ id: "local", name: "You" }), getRuntime: async () => ({}) }));

const films = await import("../../../app/api/films/route");
const film = await import("../../../app/api/films/[filmId]/route");
const messages = await import("../../../app/api/films/[filmId]/messages/route");
const mp4 = await import("../../../app/api/cuts/[cutId]/film.mp4/route");
const poster = await import("../../../app/api/cuts/[cutId]/shots/[shotId]/poster.jpg/route");

const dir = mkdtempSync(path.join(tmpdir(), "auteur-routes-"));
const filmFile = path.join(dir, "film.mp4");
writeFileSync(filmFile, Buffer.alloc(4096, 7));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => Object.values(service).forEach((f) => f.mockReset()));

const json = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
const params = <T,>(p: T) => ({ params: Promise.resolve(p) });

describe("POST /api/films", () => {
  it("creates a film for the local user from a trimmed idea", async () => {
    service.createFilm.mockResolvedValue({ filmId: "f1", cutId: "c1" });
    const response = await films.POST(json("/api/films", { idea: "  a heist on the moon  " }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ filmId: "f1", cutId: "c1" });
    expect(service.createFilm).toHaveBeenCalledWith({ ownerId: "local", idea: "a heist on the moon" });
  });

  it("answers an empty idea with invalid_input and never calls the service", async () => {
    const response = await films.POST(json("/api/films", { idea: "   " }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "Type an idea for your film first." } });
    expect(service.createFilm).not.toHaveBeenCalled();
  });

  it("answers a body that is not JSON with invalid_input", async () => {
    const response = await films.POST(json("/api/films", "{oops"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_input");
  });
});

describe("GET /api/films and /api/films/[filmId]", () => {
  it("lists the person's films", async () => {
    service.listFilms.mockResolvedValue([{ id: "f1", title: "Neon Rain", createdAt: "2026-01-01", status: "complete" }]);
    const response = await films.GET(new Request("http://localhost/api/films"));
    expect(await response.json()).toEqual({ films: [{ id: "f1", title: "Neon Rain", createdAt: "2026-01-01", status: "complete" }] });
  });

  it("passes ?cutId= through and answers a missing film with 404", async () => {
    service.getFilm.mockRejectedValue(new AuteurError("not_found", "No such film."));
    const response = await film.GET(new Request("http://localhost/api/films/zz?cutId=c9"), params({ filmId: "zz" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such film." } });
    expect(service.getFilm).toHaveBeenCalledWith({ ownerId: "local", filmId: "zz", cutId: "c9" });
  });
});

describe("POST /api/films/[filmId]/messages", () => {
  it("sends a follow-up with its target", async () => {
    service.sendMessage.mockResolvedValue({ cutId: "c2", summary: "The ending is hopeful now." });
    const response = await messages.POST(json("/api/films/f1/messages", { message: "make it hopeful", target: { kind: "scene", id: "scene-3" } }), params({ filmId: "f1" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ cutId: "c2", summary: "The ending is hopeful now." });
    expect(service.sendMessage).toHaveBeenCalledWith({ ownerId: "local", filmId: "f1", message: "make it hopeful", target: { kind: "scene", id: "scene-3" } });
  });

  it("rejects an unknown target kind, naming the field", async () => {
    const response = await messages.POST(json("/api/films/f1/messages", { message: "x", target: { kind: "reel", id: "r" } }), params({ filmId: "f1" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^target\.kind: /);
  });

  it("hides an unexpected failure's details", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    service.sendMessage.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'acts')"));
    const response = await messages.POST(json("/api/films/f1/messages", { message: "x" }), params({ filmId: "f1" }));
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("acts");
  });
});

describe("files of a cut", () => {
  it("streams film.mp4 with byte ranges", async () => {
    service.getCutFile.mockResolvedValue({ path: filmFile, contentType: "video/mp4", size: 4096 });
    const response = await mp4.GET(new Request("http://localhost/api/cuts/c1/film.mp4", { headers: { range: "bytes=1000-" } }), params({ cutId: "c1" }));
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 1000-4095/4096");
    expect((await response.arrayBuffer()).byteLength).toBe(3096);
    expect(service.getCutFile).toHaveBeenCalledWith({ ownerId: "local", cutId: "c1", name: "film.mp4" });
  });

  it("answers 404 with the error shape when a cut is not finished", async () => {
    service.getCutFile.mockRejectedValue(new AuteurError("not_found", "This cut is not finished yet."));
    const response = await mp4.GET(new Request("http://localhost/api/cuts/c1/film.mp4"), params({ cutId: "c1" }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("This cut is not finished yet.");
  });

  it("answers 404 for a shot without a poster yet", async () => {
    service.getShotPoster.mockResolvedValue(null);
    const response = await poster.GET(new Request("http://localhost/x"), params({ cutId: "c1", shotId: "shot-2" }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
