import { defineConfig } from "vitest/config";

// Unit tests are pure and fast; media tests run real ffmpeg; integration tests run the whole pipeline
// against both databases (PGlite in-process and the Postgres server on 127.0.0.1); e2e drives the page
// in headless Chromium.
const slow = { testTimeout: 600_000, hookTimeout: 600_000 };
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { test: { name: "media", include: ["tests/media/**/*.test.ts"], ...slow } },
      { test: { name: "pglite", include: ["tests/integration/**/*.test.ts"], env: { AUTEUR_TEST_DB: "pglite" }, fileParallelism: false, ...slow } },
      { test: { name: "postgres", include: ["tests/integration/**/*.test.ts"], env: { AUTEUR_TEST_DB: "postgres" }, fileParallelism: false, ...slow } },
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], fileParallelism: false, ...slow } },
    ],
  },
});
