import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCutById, listCutShotsByCut } from "../../db/queries";
import { getCutPlaylist } from "../../lib/film/playlist";
import { createFilm } from "../../lib/film/service";
import { QUEUES, type StagePayloads } from "../../lib/jobs/queues";
import { planCut, planVoices } from "../../lib/plan/plan-cut";
import type { SpeechMeta } from "../../lib/plan/specs";
import { LOCAL_USER } from "../../lib/runtime";
import type { Screenplay } from "../../lib/screenplay/schema";
import { runStage } from "../../workers/stages";
import { startWorld, type TestWorld } from "./harness";

// The reconciler with no worker: the test speaks lines itself (real speech), one shot at a time, and
// looks at what is queued after each step.
const owner = LOCAL_USER.id;
const IDEA =
  "A 30-second western: Ada, a retired sheriff with a grey braid, rides into a dusty desert town to find her stolen mule. " +
  "Tom, a nervous young deputy with glasses, tells her who took it. End with Ada riding off at sunset.";

describe("a shot renders as soon as its own lines are spoken", () => {
  let world: TestWorld;
  let cutId = "";
  let sp: Screenplay;

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    cutId = (await createFilm({ ownerId: owner, idea: IDEA })).cutId;
    sp = (await getCutById({ db: world.rt.db, cutId }))!.screenplay;
  });
  afterAll(async () => {
    await world?.close();
  });

  const queued = async <Q extends keyof StagePayloads>(queue: Q) => (await world.rt.boss.findJobs<StagePayloads[Q]>(queue, { queued: true })).filter((j) => j.data.cutId === cutId);
  const rowOf = async (shotId: string) => (await listCutShotsByCut({ db: world.rt.db, cutId })).find((r) => r.shotId === shotId)!;
  const scenes = () => sp.acts.flatMap((a) => a.scenes);
  /** Speak one shot's lines here, as the worker would, then let the reconciler look again. */
  const speakShot = async (shotId: string) => {
    const lines = new Set(scenes().flatMap((s) => s.shots).find((s) => s.id === shotId)!.lines.map((l) => l.id));
    for (const v of planVoices(sp)) if (lines.has(v.lineId)) await runStage(v);
    await world.rt.advance(cutId);
  };

  it("queues no picture of a scene whose first shot still waits for its line; the first scene's speech leads", async () => {
    const [first] = scenes();
    expect(first!.shots.length).toBeGreaterThan(1);
    expect(first!.shots[0]!.lines.length).toBeGreaterThan(0);
    expect(await queued(QUEUES.renderShot)).toEqual([]);
    const speech = await queued(QUEUES.speakLine);
    const sceneOneLines = new Set(first!.shots.flatMap((s) => s.lines.map((l) => l.id)));
    const sceneOne = speech.filter((j) => sceneOneLines.has(j.data.spec.lineId));
    const later = speech.filter((j) => !sceneOneLines.has(j.data.spec.lineId));
    expect(sceneOne.length).toBe(sceneOneLines.size);
    expect(later.length).toBeGreaterThan(0);
    for (const j of sceneOne) for (const k of later) expect(j.priority).toBeGreaterThan(k.priority);
  });

  it("renders the first shot once its line is spoken, before its scene is planned, and lists nothing to play yet", async () => {
    const shot = scenes()[0]!.shots[0]!;
    await speakShot(shot.id);
    const renders = await queued(QUEUES.renderShot);
    // Only the opening shot: the next scene's silent opening waits until this scene's score is queued.
    expect(renders.map((j) => j.data.spec.shotId)).toEqual([shot.id]);
    const render = renders[0]!;
    expect(render.data.spec.lines.map((l) => l.lineId)).toEqual(shot.lines.map((l) => l.id));
    // Above the rest of the scene's speech: the picture is the longest piece of the first segment.
    for (const j of await queued(QUEUES.speakLine)) expect(render.priority).toBeGreaterThan(j.priority);
    expect(await rowOf(shot.id)).toMatchObject({ status: "queued", renderKey: render.data.spec.key, mixKey: null, reused: false });
    expect(await queued(QUEUES.scoreScene)).toEqual([]);
    expect(await getCutPlaylist({ ownerId: owner, cutId })).not.toContain("#EXTINF");
  });

  it("once the whole scene is spoken, plans the same render for that shot (no second render), and the scene's sound", async () => {
    const [scene] = scenes();
    const first = scene!.shots[0]!;
    const earlyKey = (await rowOf(first.id)).renderKey!;
    for (const shot of scene!.shots.slice(1)) await speakShot(shot.id);

    const row = await rowOf(first.id);
    expect(row.renderKey).toBe(earlyKey);
    expect(row.mixKey).not.toBeNull();
    expect(row.reused).toBe(false);
    expect((await queued(QUEUES.renderShot)).map((j) => j.data.spec.shotId)).toEqual([first.id]);
    expect(await queued(QUEUES.scoreScene)).toHaveLength(1);

    // The full plan from the same speech agrees with what was queued early.
    const speech = new Map<string, SpeechMeta>();
    for (const v of planVoices(sp)) if (scene!.shots.some((s) => s.lines.some((l) => l.id === v.lineId))) speech.set(v.key, (await runStage(v)).meta as unknown as SpeechMeta);
    const plan = planCut(sp, { speech, failures: new Map() }, { captions: world.rt.config.captions });
    expect(plan.scenes[0]!.shots[0]!.render.key).toBe(earlyKey);
  });

  it("queues the other pictures once the opening shot's render and score are made, with its mix first", async () => {
    const [scene, next] = scenes();
    const first = scene!.shots[0]!;
    // The work the worker would do, here: the opening's picture and the scene's sound.
    for (const job of [...(await queued(QUEUES.renderShot)), ...(await queued(QUEUES.scoreScene))]) await runStage(job.data.spec);
    await world.rt.advance(cutId);

    const mixes = await queued(QUEUES.mixShot);
    expect(mixes.map((j) => j.data.spec.shotId)).toEqual([first.id]);
    const renders = (await queued(QUEUES.renderShot)).filter((j) => j.data.spec.shotId !== first.id);
    // The scene's other shots, and the next scene's opening (it has no lines, so it need not wait for them).
    expect(next!.shots[0]!.lines).toEqual([]);
    expect(renders.map((j) => j.data.spec.shotId).sort()).toEqual([...scene!.shots.slice(1).map((s) => s.id), next!.shots[0]!.id].sort());
    for (const r of renders) expect(mixes[0]!.priority).toBeGreaterThan(r.priority);
    expect(await rowOf(next!.shots[0]!.id)).toMatchObject({ status: "queued", mixKey: null });
  });
});
