/**
 * The whole product through its page: a person types an idea in headless Chromium, sees the screenplay
 * and the storyboard fill in, and plays the finished film.
 */
import { existsSync, mkdtempSync } from "node:fs";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";

const CHROMIUM = "/usr/bin/chromium";
const IDEA = "A 30-second noir: Mara, a detective with a scar, meets Leo, a nervous informant, at a rainy neon alley.";

let app: AppServer;
let browser: Browser;
const shots = mkdtempSync(path.join(tmpdir(), "auteur-e2e-shots-"));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install chromium\` (never \`npx playwright install\`).`);
  }
  app = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openStudio(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await page.goto(app.url);
  await page.getByTestId("idea-input").waitFor();
  return page;
}

interface InputLatency {
  /** Per key: milliseconds from the key event to the first frame painted after it. */
  frames: number[];
  /** The browser's own Event Timing durations (input to next paint) of slow events, where it reports them. */
  eventTiming: number[];
}

/**
 * Types into the chat box key by key and measures, in the page, how long each key waits for the next
 * painted frame: a page whose main thread is blocked shows it here. The box is cleared afterwards.
 */
async function measureInputLatency(page: Page, keys: number): Promise<InputLatency> {
  await page.evaluate(() => {
    const w = window as unknown as { __latency: InputLatency };
    w.__latency = { frames: [], eventTiming: [] };
    document.addEventListener(
      "keydown",
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__latency.frames.push(performance.now() - start), 0));
      },
      { capture: true },
    );
    if (PerformanceObserver.supportedEntryTypes.includes("event"))
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__latency.eventTiming.push(entry.duration);
      }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
  });
  const input = page.getByTestId("idea-input");
  await input.focus();
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 5 === 4 ? "Space" : "KeyA");
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500);
  const latency = await page.evaluate(() => (window as unknown as { __latency: InputLatency }).__latency);
  await input.fill("");
  return latency;
}

/** A raw HTTP request (fetch will not send another Host or an Origin). */
function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the app without accounts, on loopback", () => {
  it("refuses another host name (DNS rebinding) and another site's changes", async () => {
    const rebound = await rawRequest(`${app.url}/api/films`, { headers: { host: "attacker.example:3000" } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe("forbidden");
    const count = async () => ((await (await fetch(`${app.url}/api/films`)).json()) as { films: unknown[] }).films.length;
    const before = await count();
    const body = JSON.stringify({ idea: "A 10-second test: Ann waves." });
    const crossSite = await rawRequest(`${app.url}/api/films`, { method: "POST", headers: { "content-type": "text/plain", origin: "https://attacker.example" }, body });
    expect(crossSite.status).toBe(403);
    expect(await count()).toBe(before);
    // Its own page's origin is the local user.
    const own = await rawRequest(`${app.url}/api/films`, { headers: { origin: app.url } });
    expect(own.status).toBe(200);
    expect(Array.isArray(JSON.parse(own.body).films)).toBe(true);
  });
});

describe("the film page", () => {
  it("shows the API's message when the idea is empty", async () => {
    const page = await openStudio();
    await page.getByTestId("send-button").click();
    const error = page.getByTestId("error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("Type an idea for your film first.");
    await page.close();
  });

  it("turns a typed idea into a screenplay, a storyboard and a film that plays", async () => {
    const page = await openStudio();
    await page.getByTestId("idea-input").fill(IDEA);
    await page.getByTestId("idea-input").press("Enter");

    const title = page.getByTestId("screenplay-title");
    await title.waitFor({ timeout: 120_000 });
    expect((await title.textContent())?.trim().length).toBeGreaterThan(0);
    const names = await page.getByTestId("character-name").allTextContents();
    expect(names).toEqual(expect.arrayContaining(["Mara", "Leo"]));
    expect(await page.getByTestId("chat-message").first().getAttribute("data-role")).toBe("user");
    expect(await page.getByTestId("chat-message").first().textContent()).toContain("Mara, a detective with a scar");

    // The storyboard shows every shot and its status while the film renders.
    const cards = page.getByTestId("shot-card");
    await cards.first().waitFor();
    const shotCount = await cards.count();
    expect(shotCount).toBeGreaterThan(1);
    const seen = new Set<string>();
    const player = page.getByTestId("player");
    const firstCut = page.locator('[data-testid="cut-row"][data-shown="true"]');
    await firstCut.waitFor({ timeout: 30_000 });
    const cutId = (await firstCut.getAttribute("data-cut-id"))!;
    const filmId = new URL(page.url()).searchParams.get("film")!;
    expect(filmId).toBeTruthy();
    // Progress arrives as server-sent events.
    await page.waitForSelector('.studio[data-live="sse"]', { timeout: 30_000 });
    let streamed: { segments: number; bytes: number; type: string | null } | null = null;
    let streamPlayed: boolean | null = null;
    let latency: InputLatency | null = null;
    // A 30-second film renders in 2-4 minutes on two busy cores; leave room for the checks after it.
    const deadline = Date.now() + 420_000;
    while (!(await player.count())) {
      for (const s of await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-status") ?? ""))) {
        if (s === "done" && !seen.has("done")) await page.screenshot({ path: path.join(shots, "rendering.png") });
        seen.add(s);
      }
      // Where the browser plays HLS itself (Chromium 14x+ does), the finished prefix plays while the rest renders.
      if (streamPlayed === null && (await page.getByTestId("player-stream").count())) {
        await page.screenshot({ path: path.join(shots, "streaming.png") });
        await page.waitForFunction(() => {
          const v = document.querySelector('[data-testid="player-stream"]') as HTMLVideoElement | null;
          return !v || v.readyState >= 2;
        }, null, { timeout: 30_000 });
        streamPlayed = await page.evaluate(() => ((document.querySelector('[data-testid="player-stream"]') as HTMLVideoElement | null)?.readyState ?? 4) >= 2);
      }
      // The page answers typing while the worker renders (CPU children at full load on every core).
      if (!latency && (seen.has("rendering") || seen.has("done")) && (await page.getByTestId("progress").getAttribute("data-status")) === "rendering") {
        latency = await measureInputLatency(page, 30);
        await page.screenshot({ path: path.join(shots, "typing-while-rendering.png") });
      }
      // While it renders, the playlist already lists the finished shots and serves them as MPEG-TS.
      if (!streamed && seen.has("done")) {
        const playlist = await (await fetch(`${app.url}/api/cuts/${cutId}/playlist.m3u8`)).text();
        const segments = playlist.match(/#EXTINF/g)?.length ?? 0;
        if (segments > 0 && !playlist.includes("#EXT-X-ENDLIST")) {
          const ts = await fetch(`${app.url}/api/cuts/${cutId}/segments/0.ts`);
          const bytes = new Uint8Array(await ts.arrayBuffer());
          expect(ts.status).toBe(200);
          expect(bytes[0]).toBe(0x47); // the MPEG-TS sync byte
          streamed = { segments, bytes: bytes.length, type: ts.headers.get("content-type") };
        }
      }
      if (await page.locator('[data-testid="progress"][data-status="failed"]').count()) {
        throw new Error(`the cut failed to render:\n${await page.locator(".stage").innerText()}\n\nserver log:\n${app.log().slice(-4000)}`);
      }
      if (Date.now() > deadline) {
        const now = await cards.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-shot-id")}: ${e.getAttribute("data-status")}`));
        throw new Error(`the film did not finish in time; shots now: ${now.join(", ")}\n\nserver log:\n${app.log().slice(-3000)}`);
      }
      await page.waitForTimeout(500);
    }
    await page.screenshot({ path: path.join(shots, "film-page.png") });
    console.log(`screenshot: ${path.join(shots, "film-page.png")}`);
    expect(latency, "the page was never measured while the cut rendered").not.toBeNull();
    const frames = [...latency!.frames].sort((a, b) => a - b);
    const worstEvent = latency!.eventTiming.length ? Math.max(...latency!.eventTiming) : 0;
    const p90 = frames[Math.floor(frames.length * 0.9)]!;
    console.log(
      `input latency while rendering (key -> next frame, ${frames.length} keys): median ${frames[Math.floor(frames.length / 2)]?.toFixed(1)} ms, ` +
        `p90 ${p90.toFixed(1)} ms, max ${frames.at(-1)?.toFixed(1)} ms; Event Timing worst ${worstEvent.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(2)}`,
    );
    // Generous: a blocked page takes seconds per key; this only proves it is not blocked (one slow frame
    // on a machine shared with other work is allowed, so the 90th percentile, not the worst).
    expect(frames.length).toBeGreaterThan(20);
    expect(p90).toBeLessThan(1000);
    expect(streamed, "the playlist never listed a segment while the cut rendered").not.toBeNull();
    expect(streamed!.type).toBe("video/mp2t");
    console.log(`playlist while rendering: ${streamed!.segments} segment(s); segment 0 is ${streamed!.bytes} bytes; HLS player while rendering: ${streamPlayed === null ? "not shown" : streamPlayed ? "played" : "no data"}`);
    if (streamPlayed !== null) expect(streamPlayed).toBe(true);
    const finalPlaylist = await (await fetch(`${app.url}/api/cuts/${cutId}/playlist.m3u8`)).text();
    expect(finalPlaylist.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);

    // The event stream sends the film view.
    const events = new AbortController();
    const stream = await fetch(`${app.url}/api/films/${filmId}/events`, { signal: events.signal });
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    let sse = "";
    while (!sse.includes("\n\n", sse.indexOf("event: film"))) sse += new TextDecoder().decode((await reader.read()).value);
    events.abort();
    expect(sse).toContain(`"id":"${filmId}"`);
    // The cards went through the render (not just appeared finished).
    expect([...seen].some((s) => s === "waiting" || s === "queued" || s === "rendering"), `statuses seen: ${[...seen].join(", ")}`).toBe(true);
    const finalStatuses = await cards.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute("data-shot-id")}: ${e.getAttribute("data-status")} ${e.querySelector(".shot-error")?.textContent ?? ""}`.trim()),
    );
    expect(finalStatuses.filter((s) => !s.endsWith(": done")), `shots not done; server log:\n${app.log().slice(-3000)}`).toEqual([]);
    expect(await page.getByTestId("progress").getAttribute("data-status")).toBe("complete");
    expect(await page.locator(".shot-card img").count()).toBe(shotCount);

    // The player has the film and its subtitles, and it plays.
    const src = await player.getAttribute("src");
    expect(src).toMatch(/^\/api\/cuts\/[^/]+\/film\.mp4$/);
    expect(await player.locator("track").getAttribute("src")).toMatch(/film\.vtt$/);
    // HAVE_CURRENT_DATA or better: the browser fetched and decoded the film's first frame.
    await page.waitForFunction(() => ((document.querySelector('[data-testid="player"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2, null, {
      timeout: 60_000,
    });
    const duration = await player.evaluate((v: HTMLVideoElement) => v.duration);
    expect(duration).toBeGreaterThan(5);
    await player.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await page.waitForFunction(() => (document.querySelector('[data-testid="player"]') as HTMLVideoElement).currentTime > 0.5, null, { timeout: 30_000 });
    // The storyboard highlights the shot on screen while the film plays, and follows it.
    const current = page.locator('[data-testid="shot-card"][data-current="true"]');
    await current.waitFor({ timeout: 10_000 });
    expect(await current.count()).toBe(1);
    await player.evaluate((v: HTMLVideoElement) => v.pause());
    const currentIs = (index: number) =>
      page.waitForFunction((i) => document.querySelectorAll('[data-testid="shot-card"]')[i]?.getAttribute("data-current") === "true", index, { timeout: 10_000 });
    await player.evaluate((v: HTMLVideoElement) => void (v.currentTime = 0.1));
    await currentIs(0);
    await player.evaluate((v: HTMLVideoElement) => void (v.currentTime = v.duration - 0.3));
    await currentIs(shotCount - 1);
    expect(await current.count()).toBe(1);
    await current.screenshot({ path: path.join(shots, "current-shot.png") });

    // Seeking works because the film is served with byte ranges.
    const ranged = await fetch(`${app.url}${src}`, { headers: { Range: "bytes=0-99" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
    expect(ranged.headers.get("content-type")).toBe("video/mp4");
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const vtt = await fetch(`${app.url}${src!.replace("film.mp4", "film.vtt")}`);
    expect(vtt.status).toBe(200);
    expect(await vtt.text()).toMatch(/^WEBVTT/);

    // A follow-up message makes a new cut of the same film.
    const before = await page.getByTestId("chat-message").count();
    await page.getByTestId("idea-input").fill("make the ending hopeful");
    await page.getByTestId("send-button").click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"]').length >= n + 2, before, { timeout: 60_000 });
    await page.getByText("Cut 2").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("film-item").count()).toBe(1);
    const shownCut = () => page.locator('[data-testid="cut-row"][data-shown="true"]').getAttribute("data-cut-id");
    const secondCut = await shownCut();
    expect(secondCut).not.toBe(cutId);

    // Undo goes back to the first cut (the second stays in the history).
    await page.getByTestId("undo").click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="cut-row"][data-shown="true"]')?.getAttribute("data-cut-id") === id, cutId, { timeout: 30_000 });
    expect(await page.getByTestId("cut-row").count()).toBe(2);
    expect(await page.getByTestId("undo").isDisabled()).toBe(true);

    // Branch from the undone cut: a second branch appears, headed by it, and is shown.
    await page.locator(`[data-testid="cut-row"][data-cut-id="${secondCut}"]`).getByTestId("branch-from").click();
    await page.getByTestId("branch").nth(1).waitFor({ timeout: 30_000 });
    await page.waitForFunction((id) => document.querySelector('[data-testid="cut-row"][data-shown="true"]')?.getAttribute("data-cut-id") === id, secondCut, { timeout: 30_000 });
    expect(await page.locator(`[data-testid="cut-row"][data-cut-id="${secondCut}"]`).getAttribute("data-head")).toBe("alternate");

    // Compare it with the first cut: the changed shots are marked in the storyboard.
    await page.locator(`[data-testid="cut-row"][data-cut-id="${cutId}"]`).getByTestId("compare").click();
    await page.getByTestId("compare-summary").waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="shot-card"][data-change="changed"], [data-testid="shot-card"][data-change="added"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, "compare.png") });
    await page.getByTestId("versions").screenshot({ path: path.join(shots, "versions-panel.png") });

    // A double click on "New take" makes one new cut.
    const cutsBefore = await page.getByTestId("cut-row").count();
    await page.getByTestId("new-take").first().dblclick();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cut-row"]').length === n + 1, cutsBefore, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    expect(await page.getByTestId("cut-row").count()).toBe(cutsBefore + 1);
    await page.getByTestId("take").first().waitFor({ timeout: 10_000 });

    // Delete the branch: one branch is left, and the page shows main again.
    page.once("dialog", (d) => void d.accept());
    await page.locator('[data-testid="branch"]', { hasText: "alternate" }).getByTestId("delete-branch").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="branch"]').length === 0, null, { timeout: 30_000 });
    await page.waitForFunction((id) => document.querySelector('[data-testid="cut-row"][data-shown="true"]')?.getAttribute("data-cut-id") === id, cutId, { timeout: 30_000 });

    // Share the cut: the link opens a read-only page that plays it; revoking closes it.
    await page.getByTestId("share").click();
    const link = page.getByTestId("share-link").first();
    await link.waitFor({ timeout: 30_000 });
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/s\/[A-Za-z0-9_-]{32}$/);
    const shared = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await shared.goto(`${app.url}${href}`);
    await shared.getByTestId("shared-film").waitFor({ timeout: 30_000 });
    expect(await shared.getByTestId("idea-input").count()).toBe(0);
    expect(await shared.getByTestId("new-take").count()).toBe(0);
    expect(await shared.getByTestId("change-shot").count()).toBe(0);
    expect(await shared.getByTestId("share").count()).toBe(0);
    const sharedSrc = await shared.getByTestId("player").getAttribute("src");
    expect(sharedSrc).toBe(`/api/s/${href.slice(3)}/film.mp4`);
    expect((await fetch(`${app.url}${sharedSrc}`, { headers: { Range: "bytes=0-9" } })).status).toBe(206);
    // It plays in the shared page, with the storyboard following the picture.
    await shared.getByTestId("player").evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await shared.waitForFunction(() => (document.querySelector('[data-testid="player"]') as HTMLVideoElement).currentTime > 0.5, null, { timeout: 30_000 });
    await shared.locator('[data-testid="shot-card"][data-current="true"]').waitFor({ timeout: 10_000 });
    await shared.getByTestId("player").evaluate((v: HTMLVideoElement) => v.pause());
    // The link allows no changes: writing through it is refused, and the film keeps its cuts.
    const token = href.slice(3);
    const cutCount = (await (await fetch(`${app.url}/api/films/${filmId}`)).json()).cuts.length;
    for (const [method, url] of [
      ["POST", `/api/s/${token}`],
      ["PUT", `/api/s/${token}`],
      ["DELETE", `/api/s/${token}`],
      ["POST", `/api/s/${token}/film.mp4`],
      ["POST", `/api/s/${token}/messages`],
    ] as const) {
      const refused = await fetch(`${app.url}${url}`, { method, headers: { "content-type": "application/json" }, body: method === "DELETE" ? undefined : JSON.stringify({ message: "make it darker" }) });
      expect(refused.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(refused.status, `${method} ${url}`).toBeLessThan(500);
    }
    expect((await (await fetch(`${app.url}/api/films/${filmId}`)).json()).cuts.length).toBe(cutCount);
    await shared.screenshot({ path: path.join(shots, "shared.png"), fullPage: true });
    await shared.close();
    await page.getByTestId("revoke-share").first().click();
    await page.getByTestId("share-link").waitFor({ state: "detached", timeout: 30_000 });
    expect((await fetch(`${app.url}/api/s/${href.slice(3)}`)).status).toBe(404);
    expect((await fetch(`${app.url}${sharedSrc}`)).status).toBe(404);

    // The API describes itself.
    const openapi = await (await fetch(`${app.url}/api/openapi.json`)).json();
    expect(Object.keys(openapi.paths)).toContain("/api/cuts/{cutId}/playlist.m3u8");

    // Point at one shot and ask for a change: only that shot is rendered again, and the new cut plays.
    const targetCard = cards.nth(1);
    const targetShot = (await targetCard.getAttribute("data-shot-id"))!;
    await targetCard.getByTestId("change-shot").click();
    expect(await page.getByTestId("target-chip").textContent()).toContain("shot 2");
    const rowsBeforeChange = await page.getByTestId("cut-row").count();
    await page.getByTestId("idea-input").fill("make this shot black and white");
    await page.getByTestId("send-button").click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cut-row"]').length === n + 1, rowsBeforeChange, { timeout: 60_000 });
    await page.getByTestId("target-chip").waitFor({ state: "detached", timeout: 10_000 });
    const changedCut = (await shownCut())!;
    expect(changedCut).not.toBe(cutId);
    await page.waitForFunction(
      (id) => (document.querySelector('[data-testid="player"]') as HTMLVideoElement | null)?.getAttribute("src") === `/api/cuts/${id}/film.mp4`,
      changedCut,
      { timeout: 300_000 },
    );
    const after = await cards.evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute("data-shot-id"), status: e.getAttribute("data-status"), words: e.querySelector(".shot-status")?.textContent ?? "" })),
    );
    expect(after.length).toBe(shotCount);
    expect(after.filter((c) => c.status !== "done")).toEqual([]);
    expect(after.filter((c) => c.id !== targetShot && !c.words.includes("reused")), "shots other than the one pointed at were rendered again").toEqual([]);
    expect(after.find((c) => c.id === targetShot)!.words, "the shot pointed at was not rendered again").not.toContain("reused");
    await page.waitForFunction(() => ((document.querySelector('[data-testid="player"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2, null, { timeout: 60_000 });
    await player.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      v.currentTime = 0;
      await v.play();
    });
    await page.waitForFunction(() => (document.querySelector('[data-testid="player"]') as HTMLVideoElement).currentTime > 0.5, null, { timeout: 30_000 });
    await player.evaluate((v: HTMLVideoElement) => v.pause());
    await page.screenshot({ path: path.join(shots, "changed-shot.png") });
    await page.close();
  });

  it("streams the screenplay as it is written when asked for NDJSON, and plays the film as it renders without native HLS", async () => {
    const response = await fetch(`${app.url}/api/films`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify({ idea: "A 40-second drama: Ana, a baker, hands Ben, a boy, a loaf at dawn and they talk about the coming storm." }),
    });
    expect(response.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: "done", filmId: expect.any(String), cutId: expect.any(String) });
    expect(lines.filter((l) => l.type === "draft").length).toBeGreaterThan(0);
    expect(lines.find((l) => l.type === "draft").draft.title.length).toBeGreaterThan(0);

    // A browser without native HLS plays the growing film through Media Source Extensions.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const original = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? "" : original.call(this, type);
      };
    });
    await page.goto(`${app.url}/?film=${lines.at(-1).filmId}`);
    const stream = page.locator('[data-testid="player-stream"][data-via="mse"]');
    await stream.waitFor({ timeout: 180_000 });
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="player-stream"]') as HTMLVideoElement | null;
      return !v || (v.readyState >= 2 && v.buffered.length > 0);
    }, null, { timeout: 60_000 });
    const buffered = await page.evaluate(() => {
      const v = document.querySelector('[data-testid="player-stream"]') as HTMLVideoElement | null;
      return v ? v.buffered.end(v.buffered.length - 1) : null;
    });
    console.log(`Media Source player buffered up to ${buffered ?? "(cut finished first)"} s`);
    if (buffered !== null) expect(buffered).toBeGreaterThan(1);
    await page.close();
  });
});
