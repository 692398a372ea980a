/**
 * Accounts through the page, in headless Chromium against the real app with sign-in required: the
 * studio sends a stranger to sign in; a person makes an account, lands in the studio under their name,
 * signs out, and is refused with a wrong password.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";

const CHROMIUM = "/usr/bin/chromium";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install chromium\` (never \`npx playwright install\`).`);
  }
  app = await startApp({ env: { AUTEUR_AUTH: "required", BETTER_AUTH_SECRET: randomBytes(32).toString("base64") } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("signing in", () => {
  it("sends a stranger to sign in, lets them make an account, shows who is signed in and signs out", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(app.url);
    await page.waitForURL(/\/signin$/);
    expect(await page.getByRole("heading").textContent()).toBe("Sign in to Auteur");

    await page.getByRole("button", { name: "No account yet? Make one." }).click();
    await page.getByLabel("Name").fill("Ines");
    await page.getByLabel("Email").fill("ines@example.com");
    await page.getByLabel("Password").fill("a long password");
    await page.getByTestId("signin-submit").click();

    await page.getByTestId("idea-input").waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByTestId("account-name").waitFor();
    expect(await page.getByTestId("account-name").textContent()).toBe("Ines");

    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/signin$/);
    await page.goto(app.url);
    await page.waitForURL(/\/signin$/);

    await page.getByLabel("Email").fill("ines@example.com");
    await page.getByLabel("Password").fill("not the password");
    await page.getByTestId("signin-submit").click();
    const error = page.getByTestId("signin-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/invalid email or password/i);

    await page.getByLabel("Password").fill("a long password");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("account-name").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("account-name").textContent()).toBe("Ines");
    await page.close();
  });

  it("answers the API 401 without a session", async () => {
    const response = await fetch(`${app.url}/api/films`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("serves a cut's playlist and segments to its owner only, on the server's direct path too", async () => {
    const json = { "content-type": "application/json", origin: app.url };
    const signUp = async (name: string) => {
      const response = await fetch(`${app.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ name, email: `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.com`, password: "a long password" }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    };
    const [owner, stranger] = [await signUp("Oona"), await signUp("Sid")];
    const created = await fetch(`${app.url}/api/films`, { method: "POST", headers: { ...json, cookie: owner }, body: JSON.stringify({ idea: "A 10-second film: Oona waters her plants at dawn." }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { cutId } = (await created.json()) as { cutId: string };
    const ask = (cookie: string, url: string) => fetch(`${app.url}${url}`, { headers: { cookie } });
    const mine = await ask(owner, `/api/cuts/${cutId}/playlist.m3u8`);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toMatch(/^#EXTM3U/);
    for (const url of [`/api/cuts/${cutId}/playlist.m3u8`, `/api/cuts/${cutId}/segments/0.ts`, `/api/cuts/${cutId}/segments/0.mp4`]) {
      const theirs = await ask(stranger, url);
      expect(theirs.status, url).toBe(404);
      expect((await theirs.json()).error.code).toBe("not_found");
    }
  });

  it("answers a cut's playlist and segments 401 without a session too (the server's direct path)", async () => {
    const cut = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["GET", `/api/cuts/${cut}/playlist.m3u8`],
      ["GET", `/api/cuts/${cut}/segments/0.ts`],
      ["HEAD", `/api/cuts/${cut}/segments/0.mp4`],
    ] as const) {
      const response = await fetch(`${app.url}${url}`, { method });
      expect(response.status, `${method} ${url}`).toBe(401);
      if (method === "GET") expect((await response.json()).error.code).toBe("unauthorized");
    }
  });
});
