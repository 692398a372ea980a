import { describe, expect, it } from "vitest";
import { sameHostOrigins } from "../../../lib/auth/same-host-origins";
import { hostFromArgs, isLoopbackHost, refuseToServe, withHost } from "../../../lib/auth/serve-policy";

const SECRET = "s".repeat(32);

describe("isLoopbackHost", () => {
  it("knows the addresses only this machine reaches", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "app.localhost", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "[::]", "192.168.1.4", "10.0.0.1", "example.com", "128.0.0.1", "localhost.example.com", ""]) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe("refuseToServe", () => {
  it("lets the local user be served on loopback without accounts", () => {
    expect(refuseToServe({ host: "127.0.0.1", auth: "local", secret: undefined })).toBeNull();
    expect(refuseToServe({ host: "localhost", auth: "local", secret: undefined })).toBeNull();
  });

  it("refuses any other address, or an unknown one, without accounts, and says what to do", () => {
    const open = refuseToServe({ host: "0.0.0.0", auth: "local", secret: undefined });
    expect(open).toMatch(/Refusing to serve on 0\.0\.0\.0 without accounts/);
    expect(open).toMatch(/BETTER_AUTH_SECRET/);
    expect(refuseToServe({ host: undefined, auth: "local", secret: undefined })).toMatch(/every interface/);
    expect(refuseToServe({ host: "192.168.1.4", auth: "local", secret: SECRET })).toMatch(/without accounts/);
  });

  it("serves any address with accounts on and a long enough secret", () => {
    expect(refuseToServe({ host: "0.0.0.0", auth: "required", secret: SECRET })).toBeNull();
    expect(refuseToServe({ host: "127.0.0.1", auth: "required", secret: SECRET })).toBeNull();
    expect(refuseToServe({ host: "0.0.0.0", auth: "required", secret: undefined })).toMatch(/BETTER_AUTH_SECRET is not set/);
    expect(refuseToServe({ host: "0.0.0.0", auth: "required", secret: "short" })).toMatch(/shorter than 32 characters/);
  });
});

describe("command lines", () => {
  it("reads -H / --hostname in every spelling", () => {
    expect(hostFromArgs(["start", "-p", "4000"])).toBeUndefined();
    expect(hostFromArgs(["start", "-H", "0.0.0.0"])).toBe("0.0.0.0");
    expect(hostFromArgs(["--hostname", "::1"])).toBe("::1");
    expect(hostFromArgs(["--hostname=10.0.0.2", "-p", "1"])).toBe("10.0.0.2");
    expect(hostFromArgs(["-H=localhost"])).toBe("localhost");
  });

  it("replaces the host and keeps the other options", () => {
    expect(withHost(["-p", "4000"], "127.0.0.1")).toEqual(["-p", "4000", "-H", "127.0.0.1"]);
    expect(withHost(["-H", "0.0.0.0", "-p", "4000", "--hostname=x"], "127.0.0.1")).toEqual(["-p", "4000", "-H", "127.0.0.1"]);
  });
});

describe("sameHostOrigins", () => {
  const at = (host?: string) => ({ headers: new Headers(host ? { host } : {}) });
  it("trusts the address the browser used, and nothing else", () => {
    expect(sameHostOrigins(at("films.example.com"))).toEqual(["http://films.example.com", "https://films.example.com"]);
    expect(sameHostOrigins(at("192.168.1.4:3000"))).toEqual(["http://192.168.1.4:3000", "https://192.168.1.4:3000"]);
    expect(sameHostOrigins(at("[::1]:3000"))).toEqual(["http://[::1]:3000", "https://[::1]:3000"]);
    expect(sameHostOrigins(at())).toEqual([]);
    expect(sameHostOrigins(undefined)).toEqual([]);
    expect(sameHostOrigins(at("evil.example/path"))).toEqual([]);
  });
});
