/**
 * Accounts and isolation, through the real route handlers against a real database: people sign up,
 * sign in and out (better-auth); every route under app/api is walked as person B with person A's ids
 * and answers 404, or 401 without a session. The walk enumerates the route files, so a new route
 * without a case here fails the test.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { waitForCut } from "../../lib/film/service";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app", "api");
const ORIGIN = "http://127.0.0.1:3000";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
const IDEA = "A 12-second scene: Ana, a baker, hands Ben, a boy, a loaf at dawn.";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<(typeof METHODS)[number], Handler>>;

/** Every route file under app/api, as its pattern ("films/[filmId]/shares") and exported methods. */
function routeFiles(): { pattern: string; file: string }[] {
  const out: { pattern: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) out.push({ pattern: path.relative(API, dir).split(path.sep).join("/"), file: full });
    }
  };
  walk(API);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

interface Ids {
  filmId: string;
  cutId: string;
  shotId: string;
  characterId: string;
  /** A's second branch (not main). */
  branchId: string;
  shareId: string;
  token: string;
  revokedToken: string;
  bFilmId: string;
  bCutId: string;
}

/**
 * What a route is, for isolation:
 * - owned: acts on A's things by id: 404 for B, 401 signed out, `ownerStatus` for A;
 * - collection: the signed-in person's own list or a new film: 401 signed out, never A's films for B;
 * - shared: public by an unguessable token (a share link): same answer for anyone, 404 once revoked;
 * - public: the same for everyone (the API description);
 * - auth: better-auth's own endpoints.
 */
interface Case {
  kind: "owned" | "collection" | "shared" | "public" | "auth";
  params?: (ids: Ids) => Record<string, string>;
  query?: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** A's answer to the same request (owned routes). */
  ownerStatus?: number;
}

const CASES: Record<string, Case> = {
  "GET films": { kind: "collection" },
  "POST films": { kind: "collection" },
  "GET films/[filmId]": { kind: "owned", params: (i) => ({ filmId: i.filmId }), ownerStatus: 200 },
  "GET films/[filmId]/compare": { kind: "owned", params: (i) => ({ filmId: i.filmId }), query: (i) => `?a=${i.cutId}&b=${i.cutId}`, ownerStatus: 200 },
  "GET films/[filmId]/events": { kind: "owned", params: (i) => ({ filmId: i.filmId }), ownerStatus: 200 },
  "GET films/[filmId]/shares": { kind: "owned", params: (i) => ({ filmId: i.filmId }), ownerStatus: 200 },
  "GET cuts/[cutId]/film.mp4": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "HEAD cuts/[cutId]/film.mp4": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "GET cuts/[cutId]/film.srt": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "HEAD cuts/[cutId]/film.srt": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "GET cuts/[cutId]/film.vtt": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "HEAD cuts/[cutId]/film.vtt": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "GET cuts/[cutId]/playlist.m3u8": { kind: "owned", params: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "GET cuts/[cutId]/segments/[index]": { kind: "owned", params: (i) => ({ cutId: i.cutId, index: "0.ts" }), ownerStatus: 200 },
  "GET cuts/[cutId]/shots/[shotId]/poster.jpg": { kind: "owned", params: (i) => ({ cutId: i.cutId, shotId: i.shotId }), ownerStatus: 200 },
  // Changes, in the order A makes them; deleting the film comes last.
  "POST films/[filmId]/shares": { kind: "owned", params: (i) => ({ filmId: i.filmId }), body: (i) => ({ cutId: i.cutId }), ownerStatus: 201 },
  "POST films/[filmId]/branches": { kind: "owned", params: (i) => ({ filmId: i.filmId }), body: (i) => ({ fromCutId: i.cutId }), ownerStatus: 201 },
  "POST films/[filmId]/checkout": { kind: "owned", params: (i) => ({ filmId: i.filmId }), body: (i) => ({ cutId: i.cutId }), ownerStatus: 200 },
  "POST films/[filmId]/messages": { kind: "owned", params: (i) => ({ filmId: i.filmId }), body: () => ({ message: "make the film black and white" }), ownerStatus: 201 },
  "POST films/[filmId]/undo": { kind: "owned", params: (i) => ({ filmId: i.filmId }), body: () => ({}), ownerStatus: 200 },
  // A's request carries a body that is not a picture: past the ownership check, it is refused as such (400).
  "POST films/[filmId]/characters/[characterId]/reference": {
    kind: "owned",
    params: (i) => ({ filmId: i.filmId, characterId: i.characterId }),
    body: () => new Uint8Array([1, 2, 3, 4]),
    ownerStatus: 400,
  },
  "DELETE films/[filmId]/shares/[shareId]": { kind: "owned", params: (i) => ({ filmId: i.filmId, shareId: i.shareId }), ownerStatus: 200 },
  "DELETE films/[filmId]/branches/[branchId]": { kind: "owned", params: (i) => ({ filmId: i.filmId, branchId: i.branchId }), ownerStatus: 200 },
  "DELETE films/[filmId]": { kind: "owned", params: (i) => ({ filmId: i.filmId }), ownerStatus: 200 },
  "GET openapi.json": { kind: "public" },
  "GET auth/[...all]": { kind: "auth" },
  "POST auth/[...all]": { kind: "auth" },
  "GET s/[token]": { kind: "shared", params: (i) => ({ token: i.token }) },
  "GET s/[token]/[name]": { kind: "shared", params: (i) => ({ token: i.token, name: "film.mp4" }) },
  "HEAD s/[token]/[name]": { kind: "shared", params: (i) => ({ token: i.token, name: "playlist.m3u8" }) },
  "GET s/[token]/segments/[index]": { kind: "shared", params: (i) => ({ token: i.token, index: "0.ts" }) },
  "GET s/[token]/shots/[shotId]/poster.jpg": { kind: "shared", params: (i) => ({ token: i.token, shotId: i.shotId }) },
};

const modules = new Map<string, RouteModule>();
async function routeModule(pattern: string): Promise<RouteModule> {
  let mod = modules.get(pattern);
  if (!mod) {
    const file = routeFiles().find((r) => r.pattern === pattern)?.file;
    if (!file) throw new Error(`no route file for ${pattern}`);
    mod = (await import(file)) as RouteModule;
    modules.set(pattern, mod);
  }
  return mod;
}

/** Calls a route handler the way Next.js does: a Request and a promise of the path's params. */
async function call(
  method: string,
  pattern: string,
  options: { params?: Record<string, string>; query?: string; body?: unknown; cookie?: string; path?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const params = options.params ?? {};
  const urlPath = options.path ?? "/api/" + pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, key: string) => encodeURIComponent(params[key] ?? key));
  const headers = new Headers({ origin: ORIGIN });
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.body instanceof Uint8Array) {
    body = options.body as Uint8Array<ArrayBuffer>;
    headers.set("content-type", "application/octet-stream");
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(ORIGIN + urlPath + (options.query ?? ""), { method, headers, body, ...(options.signal ? { signal: options.signal } : {}) });
  const mod = await routeModule(pattern);
  const handler = mod[method as (typeof METHODS)[number]];
  if (!handler) throw new Error(`${pattern} has no ${method}`);
  return handler(request, { params: Promise.resolve(params) });
}

/** The session cookie(s) a better-auth answer sets, as a Cookie header. */
function cookieOf(response: Response): string {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  expect(cookies.some((c) => c.startsWith("better-auth.session_token="))).toBe(true);
  return cookies.join("; ");
}

async function signUp(name: string, email: string, password: string): Promise<string> {
  const response = await call("POST", "auth/[...all]", { path: "/api/auth/sign-up/email", body: { name, email, password } });
  expect(response.status, await response.clone().text()).toBe(200);
  return cookieOf(response);
}

/** Reads a response fully (or, for an event stream, up to its first event) so no stream is left open. */
async function drain(response: Response, abort?: AbortController): Promise<string> {
  if (!response.body) return "";
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) text += decoder.decode(value, { stream: true });
      if (done || /^event: /m.test(text)) break;
    }
    abort?.abort();
    await reader.cancel().catch(() => {});
    return text;
  }
  return response.text();
}

const SAVED = ["AUTEUR_AUTH", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL", "AUTEUR_MESSAGES_PER_MINUTE", "AUTEUR_RENDERS_PER_HOUR", "AUTEUR_CONCURRENT_RENDERS", "AUTEUR_FILM_MINUTES_PER_DAY"];

describe(`accounts and isolation (${TEST_DB})`, () => {
  let world: TestWorld;
  const saved = new Map(SAVED.map((k) => [k, process.env[k]]));
  let alice = "";
  let bob = "";
  const ids = {} as Ids;

  beforeAll(async () => {
    process.env.AUTEUR_AUTH = "required";
    process.env.BETTER_AUTH_SECRET = randomBytes(32).toString("base64");
    process.env.BETTER_AUTH_URL = ORIGIN;
    // Per-person rate limits are not what this file tests.
    for (const k of SAVED.slice(3)) process.env[k] = "0";
    world = await startWorld({ worker: true });

    alice = await signUp("Alice", "alice@example.com", "correct horse battery");
    bob = await signUp("Bob", "bob@example.com", "tr0ub4dor and 3");

    const made = await call("POST", "films", { cookie: alice, body: { idea: IDEA } });
    expect(made.status).toBe(201);
    const a = (await made.json()) as { filmId: string; cutId: string };
    const bMade = await call("POST", "films", { cookie: bob, body: { idea: "A 10-second scene: Rosa waters a fern on a windowsill." } });
    expect(bMade.status).toBe(201);
    const b = (await bMade.json()) as { filmId: string; cutId: string };
    const session = await call("GET", "auth/[...all]", { path: "/api/auth/get-session", cookie: alice });
    const aliceId = ((await session.json()) as { user: { id: string } }).user.id;
    const done = await waitForCut({ ownerId: aliceId, cutId: a.cutId, timeoutMs: 480_000 });
    expect(done.status).toBe("complete");
    await waitForCut({ ownerId: (await (await call("GET", "auth/[...all]", { path: "/api/auth/get-session", cookie: bob })).json()).user.id, cutId: b.cutId, timeoutMs: 480_000 });

    const view = await (await call("GET", "films/[filmId]", { params: { filmId: a.filmId }, cookie: alice })).json();
    const shots = view.head.screenplay.acts.flatMap((act: { scenes: { shots: { id: string }[] }[] }) => act.scenes.flatMap((s) => s.shots));
    const branch = await (await call("POST", "films/[filmId]/branches", { params: { filmId: a.filmId }, cookie: alice, body: { name: "alt" } })).json();
    const share = await (await call("POST", "films/[filmId]/shares", { params: { filmId: a.filmId }, cookie: alice, body: {} })).json();
    const revoked = await (await call("POST", "films/[filmId]/shares", { params: { filmId: a.filmId }, cookie: alice, body: {} })).json();
    expect((await call("DELETE", "films/[filmId]/shares/[shareId]", { params: { filmId: a.filmId, shareId: revoked.id }, cookie: alice })).status).toBe(200);
    Object.assign(ids, {
      filmId: a.filmId,
      cutId: a.cutId,
      shotId: shots[0].id,
      characterId: view.head.screenplay.characters[0].id,
      branchId: branch.branchId ?? branch.id,
      shareId: share.id,
      token: share.token,
      revokedToken: revoked.token,
      bFilmId: b.filmId,
      bCutId: b.cutId,
    } satisfies Ids);
    expect(ids.branchId).toBeTruthy();
  });

  afterAll(async () => {
    await world?.close();
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnv();
  });

  it("has a case for every method of every route file under app/api", async () => {
    const found: string[] = [];
    for (const { pattern } of routeFiles()) {
      const mod = await routeModule(pattern);
      for (const method of METHODS) if (typeof mod[method] === "function") found.push(`${method} ${pattern}`);
    }
    expect(found.length).toBeGreaterThan(20);
    expect([...found].sort()).toEqual(Object.keys(CASES).sort());
  });

  it("answers 401 to every owned route and list without a session", async () => {
    for (const [key, c] of Object.entries(CASES)) {
      if (c.kind !== "owned" && c.kind !== "collection") continue;
      const [method, pattern] = key.split(" ") as [string, string];
      const response = await call(method, pattern, { params: c.params?.(ids), query: c.query?.(ids), body: c.body?.(ids) ?? (method === "POST" ? { idea: IDEA } : undefined) });
      expect(response.status, key).toBe(401);
      if (method !== "HEAD") expect((await response.json()).error.code, key).toBe("unauthorized");
    }
  });

  it("answers 404 to every owned route when B asks with A's ids, and changes nothing of A's", async () => {
    const before = await (await call("GET", "films/[filmId]", { params: { filmId: ids.filmId }, cookie: alice })).json();
    const sharesBefore = await (await call("GET", "films/[filmId]/shares", { params: { filmId: ids.filmId }, cookie: alice })).json();
    for (const [key, c] of Object.entries(CASES)) {
      if (c.kind !== "owned") continue;
      const [method, pattern] = key.split(" ") as [string, string];
      const response = await call(method, pattern, { params: c.params?.(ids), query: c.query?.(ids), body: c.body?.(ids), cookie: bob });
      const text = await drain(response);
      expect(response.status, `${key}: ${text}`).toBe(404);
      if (method !== "HEAD") expect(JSON.parse(text).error.code, key).toBe("not_found");
    }
    const after = await (await call("GET", "films/[filmId]", { params: { filmId: ids.filmId }, cookie: alice })).json();
    expect(after).toEqual(before);
    expect(await (await call("GET", "films/[filmId]/shares", { params: { filmId: ids.filmId }, cookie: alice })).json()).toEqual(sharesBefore);
  });

  it("answers 404 when B points B's own film at A's cuts, branches and shares", async () => {
    const bFilm = { filmId: ids.bFilmId };
    const tries: [string, string, Parameters<typeof call>[2]][] = [
      ["GET", "films/[filmId]", { params: bFilm, query: `?cutId=${ids.cutId}` }],
      ["GET", "films/[filmId]", { params: bFilm, query: `?branchId=${ids.branchId}` }],
      ["GET", "films/[filmId]/events", { params: bFilm, query: `?cutId=${ids.cutId}` }],
      ["GET", "films/[filmId]/compare", { params: bFilm, query: `?a=${ids.bCutId}&b=${ids.cutId}` }],
      ["POST", "films/[filmId]/checkout", { params: bFilm, body: { cutId: ids.cutId } }],
      ["POST", "films/[filmId]/branches", { params: bFilm, body: { fromCutId: ids.cutId } }],
      ["POST", "films/[filmId]/shares", { params: bFilm, body: { cutId: ids.cutId } }],
      ["POST", "films/[filmId]/messages", { params: bFilm, body: { message: "Make it rain.", branchId: ids.branchId } }],
      ["POST", "films/[filmId]/undo", { params: bFilm, body: { branchId: ids.branchId } }],
      ["DELETE", "films/[filmId]/shares/[shareId]", { params: { ...bFilm, shareId: ids.shareId } }],
      ["DELETE", "films/[filmId]/branches/[branchId]", { params: { ...bFilm, branchId: ids.branchId } }],
    ];
    for (const [method, pattern, options] of tries) {
      const response = await call(method, pattern, { ...options, cookie: bob });
      const text = await drain(response);
      expect(response.status, `${method} ${pattern} ${JSON.stringify(options)}: ${text}`).toBe(404);
    }
  });

  it("lists only the signed-in person's films", async () => {
    const bobs = (await (await call("GET", "films", { cookie: bob })).json()).films.map((f: { id: string }) => f.id);
    const alices = (await (await call("GET", "films", { cookie: alice })).json()).films.map((f: { id: string }) => f.id);
    expect(bobs).toEqual([ids.bFilmId]);
    expect(alices).toEqual([ids.filmId]);
  });

  it("opens a share link for anyone and a revoked one for no one", async () => {
    for (const [key, c] of Object.entries(CASES)) {
      if (c.kind !== "shared") continue;
      const [method, pattern] = key.split(" ") as [string, string];
      for (const cookie of [undefined, bob, alice]) {
        const live = await call(method, pattern, { params: c.params!(ids), cookie });
        await drain(live);
        expect(live.status, key).toBe(200);
        const gone = await call(method, pattern, { params: c.params!({ ...ids, token: ids.revokedToken }), cookie });
        await drain(gone);
        expect(gone.status, key).toBe(404);
      }
    }
    expect((await call("GET", "openapi.json")).status).toBe(200);
  });

  it("gives A the answers B was refused", async () => {
    for (const [key, c] of Object.entries(CASES)) {
      if (c.kind !== "owned") continue;
      const [method, pattern] = key.split(" ") as [string, string];
      const abort = new AbortController();
      const response = await call(method, pattern, { params: c.params?.(ids), query: c.query?.(ids), body: c.body?.(ids), cookie: alice, signal: abort.signal });
      const text = await drain(response, abort);
      expect(response.status, `${key}: ${text.slice(0, 300)}`).toBe(c.ownerStatus);
      if (key === "GET films/[filmId]/events") expect(text).toContain("event: film");
      // The edit makes a new cut, which the undo after it steps back from.
      if (key === "POST films/[filmId]/messages") expect(JSON.parse(text).cutId, text).toBeTruthy();
    }
    expect((await call("GET", "films/[filmId]", { params: { filmId: ids.filmId }, cookie: alice })).status).toBe(404);
  });

  it("signs in, tells who is signed in, refuses a wrong password, and signs out", async () => {
    const wrong = await call("POST", "auth/[...all]", { path: "/api/auth/sign-in/email", body: { email: "bob@example.com", password: "not his password" } });
    expect(wrong.status).toBe(401);
    const signedIn = await call("POST", "auth/[...all]", { path: "/api/auth/sign-in/email", body: { email: "bob@example.com", password: "tr0ub4dor and 3" } });
    expect(signedIn.status).toBe(200);
    const second = cookieOf(signedIn);
    const me = await (await call("GET", "auth/[...all]", { path: "/api/auth/get-session", cookie: second })).json();
    expect(me.user).toMatchObject({ name: "Bob", email: "bob@example.com" });
    expect((await call("GET", "films", { cookie: second })).status).toBe(200);

    const out = await call("POST", "auth/[...all]", { path: "/api/auth/sign-out", cookie: second, body: {} });
    expect(out.status).toBe(200);
    expect((await call("GET", "films", { cookie: second })).status).toBe(401);
    expect(await (await call("GET", "auth/[...all]", { path: "/api/auth/get-session", cookie: second })).json()).toBeNull();
    // Bob's other session (the one he signed up with) is still signed in.
    expect((await call("GET", "films", { cookie: bob })).status).toBe(200);
    // An email signs up once.
    const again = await call("POST", "auth/[...all]", { path: "/api/auth/sign-up/email", body: { name: "Mallory", email: "bob@example.com", password: "another password" } });
    expect(again.status).toBe(422);
  });

  it("with accounts off, every request is the local user and /api/auth answers 404", async () => {
    process.env.AUTEUR_AUTH = "local";
    delete process.env.BETTER_AUTH_SECRET;
    resetEnv();
    try {
      const listed = await call("GET", "films");
      expect(listed.status).toBe(200);
      expect((await listed.json()).films.map((f: { id: string }) => f.id)).not.toContain(ids.bFilmId);
      const made = await call("POST", "films", { body: { idea: IDEA } });
      expect(made.status).toBe(201);
      const { filmId } = await made.json();
      const film = await (await call("GET", "films/[filmId]", { params: { filmId } })).json();
      expect(film.id).toBe(filmId);
      expect((await call("GET", "films/[filmId]", { params: { filmId: ids.bFilmId } })).status).toBe(404);
      expect((await call("GET", "auth/[...all]", { path: "/api/auth/get-session" })).status).toBe(404);
      expect((await (await call("GET", "films")).json()).films.map((f: { id: string }) => f.id)).toContain(filmId);
    } finally {
      process.env.AUTEUR_AUTH = "required";
      resetEnv();
    }
  });
});
