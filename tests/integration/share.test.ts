/**
 * Read-only links against a real database: a token opens exactly one cut, its URLs point at the
 * token's routes, and revoking the link closes it at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShare, getSharedFilm, isShareToken, listShares, resolveShare, revokeShare } from "../../lib/film/share";
import { createFilm } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const owner = LOCAL_USER.id;

describe(`sharing a cut (${TEST_DB})`, () => {
  let world: TestWorld;
  let filmId = "";
  let cutId = "";

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    const made = await createFilm({ ownerId: owner, idea: "A 12-second scene: Ana, a baker, hands Ben, a boy, a loaf at dawn." });
    filmId = made.filmId;
    cutId = made.cutId;
  });
  afterAll(async () => {
    await world?.close();
  });

  it("makes an unguessable link to the head cut that opens it read-only", async () => {
    const share = await createShare({ ownerId: owner, filmId });
    expect(share.cutId).toBe(cutId);
    expect(isShareToken(share.token)).toBe(true);
    expect(share.url).toBe(`/s/${share.token}`);
    const other = await createShare({ ownerId: owner, filmId, cutId });
    expect(other.token).not.toBe(share.token);

    expect(await resolveShare({ token: share.token })).toEqual({ ownerId: owner, filmId, cutId });
    const view = await getSharedFilm({ token: share.token });
    expect(view.cut.id).toBe(cutId);
    expect(view.cut.screenplay.characters.map((c) => c.name)).toEqual(expect.arrayContaining(["Ana", "Ben"]));
    expect(view.title.length).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toContain("/api/cuts/");
    expect(Object.keys(view)).not.toContain("messages");
  });

  it("closes a link when revoked, and keeps the others open", async () => {
    const a = await createShare({ ownerId: owner, filmId });
    const b = await createShare({ ownerId: owner, filmId });
    const revoked = await revokeShare({ ownerId: owner, filmId, shareId: a.id });
    expect(revoked.revoked).toBe(true);
    await expect(resolveShare({ token: a.token })).rejects.toThrow(/does not exist or was revoked/);
    await expect(getSharedFilm({ token: a.token })).rejects.toThrow(/does not exist or was revoked/);
    expect((await resolveShare({ token: b.token })).cutId).toBe(cutId);
    expect((await listShares({ ownerId: owner, filmId })).map((s) => s.id)).not.toContain(a.id);
  });

  it("refuses other owners and made-up tokens", async () => {
    await expect(createShare({ ownerId: "someone-else", filmId })).rejects.toThrow(/No such film/);
    const share = await createShare({ ownerId: owner, filmId });
    await expect(revokeShare({ ownerId: "someone-else", filmId, shareId: share.id })).rejects.toThrow(/No such film/);
    await expect(resolveShare({ token: "A".repeat(32) })).rejects.toThrow(/revoked/);
    await expect(resolveShare({ token: "../../etc" })).rejects.toThrow(/revoked/);
  });
});
