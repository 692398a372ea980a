/**
 * Streaming playback against a real database and real ffmpeg: the playlist grows as shot segments
 * land (contiguous from the start), ends when the cut is complete, and each segment is a stream-copied
 * MPEG-TS whose timestamps start where the shot starts in the film.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutShotsByCut, updateCut, updateCutShots } from "../../db/queries";
import { produceAsset } from "../../lib/assets/store";
import { runFfmpeg } from "../../lib/media/ffmpeg";
import { announceFilmChange, filmVersions } from "../../lib/film/film-changes";
import { getCutPlaylist, getCutSegment } from "../../lib/film/playlist";
import { createFilm } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const owner = LOCAL_USER.id;
const FRAMES = 36; // 1.5 s at 24 fps

/**
 * What ffmpeg says of a file (the bundled ffprobe 4.1 crashes on MPEG-TS, so ffmpeg reads it):
 * container, start time, stream codecs and picture size.
 */
async function inspect(file: string) {
  const text = await runFfmpeg(["-i", file, "-map", "0", "-c", "copy", "-f", "null", "-"]);
  const input = /Input #0, ([^,]+),/.exec(text)?.[1];
  const start = Number(/start: (-?[\d.]+)/.exec(text)?.[1]);
  const streams = [...text.matchAll(/Stream #0:\d+[^:]*: (Video|Audio): (\w+)([^\n]*)/g)].map((m) => ({ kind: m[1], codec: m[2], width: Number(/ (\d{2,5})x\d{2,5}/.exec(m[3]!)?.[1]) || undefined }));
  return { input, start, streams: streams.slice(0, 2) };
}

/** A small H.264 + AAC segment.mp4 in a mix asset, like mix-shot makes. */
async function fakeMix(name: string): Promise<string> {
  const key = createHash("sha256").update(`playlist-test:${name}`).digest("hex");
  await produceAsset(key, async (dir) => {
    await runFfmpeg([
      "-f", "lavfi", "-i", `testsrc=size=320x180:rate=24:duration=${FRAMES / 24}`,
      "-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${FRAMES / 24}`,
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "24",
      "-c:a", "aac", "-shortest", "-movflags", "+faststart", `${dir}/segment.mp4`,
    ]);
    return { test: name };
  });
  return key;
}

describe(`HLS playlist of a cut (${TEST_DB})`, () => {
  let world: TestWorld;
  let cutId = "";
  let filmId = "";

  /**
   * What the reconciler does after a stage lands: announce the film's change. Players share segment
   * lists between changes; this waits until the announcement has reached this process.
   */
  async function landed() {
    const versions = await filmVersions(world.rt.database);
    const before = versions.version(filmId);
    await announceFilmChange(world.rt.db, filmId);
    while (versions.version(filmId) === before) await new Promise((r) => setTimeout(r, 5));
  }
  let shotIds: string[] = [];

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    const made = await createFilm({ ownerId: owner, idea: "A 12-second scene: Ana, a baker, hands Ben, a boy, a loaf at dawn." });
    cutId = made.cutId;
    filmId = made.filmId;
    const rows = await listCutShotsByCut({ db: world.rt.db, cutId });
    shotIds = rows.map((r) => r.shotId);
    // Plan every shot with a mix key whose asset does not exist yet.
    await updateCutShots({
      db: world.rt.db,
      cutId,
      updates: shotIds.map((id, i) => ({ shotId: id, set: { frames: FRAMES, mixKey: createHash("sha256").update(`playlist-test:${i}`).digest("hex") } })),
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("starts empty, grows only contiguously from the start, and ends when complete", async () => {
    expect(shotIds.length).toBeGreaterThanOrEqual(2);
    let text = await getCutPlaylist({ ownerId: owner, cutId });
    expect(text).not.toContain("#EXTINF");
    expect(text).not.toContain("#EXT-X-ENDLIST");

    // The second shot lands first: nothing can play yet.
    await fakeMix("1");
    await landed();
    text = await getCutPlaylist({ ownerId: owner, cutId });
    expect(text).not.toContain("#EXTINF");

    await fakeMix("0");
    await landed();
    text = await getCutPlaylist({ ownerId: owner, cutId });
    expect(text.match(/#EXTINF:1\.500000,/g)).toHaveLength(2);
    expect(text).toContain("segments/0.ts\n");
    expect(text).toContain("segments/1.ts\n");
    expect(text).not.toContain("#EXT-X-ENDLIST");
    await expect(getCutSegment({ ownerId: owner, cutId, index: 2 })).rejects.toThrow(/not ready/);

    for (let i = 2; i < shotIds.length; i++) await fakeMix(String(i));
    await updateCut({ db: world.rt.db, cutId, set: { status: "complete" } });
    await landed();
    text = await getCutPlaylist({ ownerId: owner, cutId, segmentUrl: (i) => `/x/${i}.ts` });
    expect(text.match(/#EXTINF/g)).toHaveLength(shotIds.length);
    expect(text.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);
    expect(text).toContain("/x/0.ts");
  });

  it("serves segments as MPEG-TS by stream copy, timed to the shot's place in the film", async () => {
    const second = await getCutSegment({ ownerId: owner, cutId, index: 1 });
    expect(second.contentType).toBe("video/mp2t");
    expect(second.size).toBeGreaterThan(1000);
    const info = await inspect(second.path);
    expect(info.input).toBe("mpegts");
    expect(info.streams.map((s) => s.codec).sort()).toEqual(["aac", "h264"]);
    expect(info.streams.find((s) => s.kind === "Video")?.width).toBe(320); // not re-encoded to another size
    expect(info.start).toBeCloseTo(FRAMES / 24, 1);
    // The first answer is cached: asking again returns the same file.
    const again = await getCutSegment({ ownerId: owner, cutId, index: 1 });
    expect(again.path).toBe(second.path);
    const first = await getCutSegment({ ownerId: owner, cutId, index: 0 });
    expect((await inspect(first.path)).start).toBeLessThan(0.1);
  });

  it("serves the same segment as fragmented MP4 from zero for Media Source players", async () => {
    const fragmented = await getCutSegment({ ownerId: owner, cutId, index: 1, format: "mp4" });
    expect(fragmented.contentType).toBe("video/mp4");
    const info = await inspect(fragmented.path);
    expect(info.input).toBe("mov"); // ffmpeg names the ISO-BMFF demuxer "mov,mp4,m4a,..."
    expect(info.streams.map((s) => s.codec).sort()).toEqual(["aac", "h264"]);
    expect(info.start).toBeLessThan(0.1);
  });

  it("answers another owner's cut with not found", async () => {
    await expect(getCutPlaylist({ ownerId: "someone-else", cutId })).rejects.toThrow(/No such cut/);
  });
});
