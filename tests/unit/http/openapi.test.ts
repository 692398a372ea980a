/**
 * The OpenAPI description and the route files agree: every route file under app/api is documented
 * with exactly the methods it exports, and nothing documented is missing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApi } from "../../../lib/http/openapi";

const API = path.resolve(import.meta.dirname, "../../../app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

/** app/api/films/[filmId]/route.ts -> /api/films/{filmId} */
function openApiPath(file: string): string {
  const rel = path.relative(path.dirname(API), path.dirname(file)).split(path.sep).join("/");
  return "/" + rel.replace(/\[([^\]]+)\]/g, "{$1}");
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)].map((m) => m[1]!.toLowerCase()).sort();
}

describe("the OpenAPI description", () => {
  const routes = routeFiles(API).map((file) => ({ file, path: openApiPath(file), methods: exportedMethods(file) }));
  const documented = openApi.paths as Record<string, Record<string, unknown>>;

  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => r.path)).toContain("/api/films/{filmId}/undo");
  });

  it("documents every route with exactly its methods", () => {
    const mismatches = routes
      .map((r) => ({ path: r.path, inCode: r.methods.join(","), inDoc: Object.keys(documented[r.path] ?? {}).sort().join(",") }))
      .filter((r) => r.inCode !== r.inDoc);
    expect(mismatches).toEqual([]);
  });

  it("documents no route that does not exist", () => {
    const real = new Set(routes.map((r) => r.path));
    expect(Object.keys(documented).filter((p) => !real.has(p))).toEqual([]);
  });

  it("names every path parameter it uses", () => {
    for (const [p, ops] of Object.entries(documented)) {
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        const params = ((op as { parameters?: { name: string; in: string }[] }).parameters ?? []).filter((x) => x.in === "path").map((x) => x.name).sort();
        expect(params, `${method.toUpperCase()} ${p}`).toEqual(names);
      }
    }
  });

  it("points every $ref at a schema it defines", () => {
    const refs = [...JSON.stringify(openApi).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    const defined = Object.keys(openApi.components.schemas);
    expect(refs.filter((r) => !defined.includes(r))).toEqual([]);
  });
});
