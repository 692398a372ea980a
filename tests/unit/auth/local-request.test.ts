import { describe, expect, it } from "vitest";
import { localRequestProblem } from "../../../lib/auth/local-request";

const req = (host: string | null, method = "GET", origin?: string) => {
  const headers = new Headers();
  if (host !== null) headers.set("host", host);
  if (origin !== undefined) headers.set("origin", origin);
  return { headers, method };
};

describe("requests to the app without accounts", () => {
  it("answers loopback host names", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "LOCALHOST", "[::1]:3000", "127.0.0.2", "app.localhost:8080"]) expect(localRequestProblem(req(host))).toBeNull();
  });

  it("refuses other host names (DNS rebinding) and requests with no host", () => {
    for (const host of ["evil.example:3000", "127.0.0.1.evil.example", "192.168.1.5:3000", "0.0.0.0:3000", "localhost.evil.example", "[::2]:3000"])
      expect(localRequestProblem(req(host))).toMatch(/loopback/);
    expect(localRequestProblem(req(null))).toMatch(/no host/);
  });

  it("takes the host from the URL when no Host header was sent", () => {
    expect(localRequestProblem({ headers: new Headers(), url: "http://127.0.0.1:3000/api/films", method: "POST" })).toBeNull();
    expect(localRequestProblem({ headers: new Headers(), url: "http://evil.example/api/films" })).toMatch(/loopback/);
  });

  it("accepts changes from the app's own pages and from programs, not from other sites", () => {
    expect(localRequestProblem(req("127.0.0.1:3000", "POST", "http://127.0.0.1:3000"))).toBeNull();
    expect(localRequestProblem(req("127.0.0.1:3000", "POST"))).toBeNull();
    expect(localRequestProblem(req("127.0.0.1:3000", "POST", "https://evil.example"))).toMatch(/own pages/);
    expect(localRequestProblem(req("127.0.0.1:3000", "DELETE", "http://localhost:3000"))).toMatch(/own pages/);
    expect(localRequestProblem(req("127.0.0.1:3000", "POST", "http://127.0.0.1:5173"))).toMatch(/own pages/);
    expect(localRequestProblem(req("127.0.0.1:3000", "POST", "null"))).toMatch(/own pages/);
    // Reading is not a change: other sites cannot read the answer anyway (CORS), and the host is checked.
    expect(localRequestProblem(req("127.0.0.1:3000", "GET", "https://evil.example"))).toBeNull();
  });
});
