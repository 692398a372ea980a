import { afterEach, describe, expect, test } from "vitest";
import { selectTextModel } from "../../../lib/ai/models";
import { AuteurError } from "../../../lib/errors";
import { canonicalJson } from "../../../lib/plan/keys";
import type { Screenplay } from "../../../lib/screenplay/schema";
import { iterateShots, plannedDuration } from "../../../lib/screenplay/validate";
import type { EditPlan } from "../../../lib/writer/llm/edit-plan-schema";
import { reviseScreenplayWithModel } from "../../../lib/writer/llm/revise-screenplay-with-model";
import { writeScreenplayWithModel } from "../../../lib/writer/llm/write-screenplay-with-model";
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "./fake-openai-server";
import { filmScript, LOOK, shotsFor } from "./film-script";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAST = { retryBaseMs: 5, maxDelayMs: 50 };
let base: Screenplay | undefined;

/** A 3-minute film (acts of 1, 2 and 1 scenes) written once through the fake server; each test edits a copy. */
async function baseFilm(): Promise<Screenplay> {
  if (!base) {
    const s = await startFakeServer(filmScript());
    const model = selectTextModel({ llmBaseUrl: s.baseURL, llmModel: "fake", openaiModel: "unused" }).model!;
    base = (await writeScreenplayWithModel(model, "a 3-minute western about Ada and Marcus Vale", { policy: FAST })).screenplay;
    await s.close();
  }
  return structuredClone(base);
}

/** A model whose edit plan comes from `plans` (one per edit_plan request, the last repeats); scenes from the film script. */
async function editModel(plans: (EditPlan | FakeReply)[], override?: (req: FakeRequest) => FakeReply | undefined) {
  let n = 0;
  server = await startFakeServer(
    filmScript((req) => {
      const special = override?.(req);
      if (special) return special;
      if (req.schemaName !== "edit_plan") return undefined;
      const plan = plans[Math.min(n++, plans.length - 1)];
      return "summary" in plan ? { json: plan } : plan;
    }),
  );
  return selectTextModel({ llmBaseUrl: server.baseURL, llmModel: "fake", openaiModel: "unused" }).model!;
}

const sceneIds = (sp: Screenplay) => sp.acts.map((a) => a.scenes.map((s) => s.id));
const json = (v: unknown) => canonicalJson(v);
const firstLine = (sp: Screenplay) => [...iterateShots(sp)].flatMap(({ shot }) => shot.lines)[0];
const plan = (summary: string, edits: EditPlan["edits"]): EditPlan => ({ summary, edits });

describe("editing with a model: each kind of edit touches only its scope", { timeout: 20_000 }, () => {
  test("rewrite one line ('more sarcasm') on the selected line", async () => {
    const sp = await baseFilm();
    const line = firstLine(sp);
    const model = await editModel([plan("Made the line sarcastic.", [{ kind: "rewrite-line", lineId: line.id, text: "Oh sure, keep the mule. I'll walk.", delivery: "sarcastic" }])]);
    const r = await reviseScreenplayWithModel(model, sp, "more sarcasm", { kind: "line", id: line.id }, { policy: FAST });
    expect(r.ops).toEqual([{ op: "update-line", lineId: line.id, text: "Oh sure, keep the mule. I'll walk.", delivery: "sarcastic" }]);
    // The prompt told the model what "that line" is.
    expect(server!.requests[0].lastUser).toContain(`The person has selected: line [${line.id}]`);
    expect(server!.requests[0].lastUser).toContain("Ada (protagonist, 62, female)");
    const changed = firstLine(r.screenplay);
    expect(changed).toMatchObject({ id: line.id, speaker: line.speaker, delivery: "sarcastic" });
    // Everything else byte-identical: undo the change and compare.
    Object.assign(changed, { text: line.text, delivery: line.delivery });
    expect(json(r.screenplay)).toBe(json(sp));
    expect(r.summary).toBe("Made the line sarcastic.");
  });

  test("regenerate the ending with a new direction: only the last scene is rewritten, same id and length", async () => {
    const sp = await baseFilm();
    const last = sp.acts.at(-1)!.scenes.at(-1)!;
    const model = await editModel([plan("Rewrote the ending with a hopeful turn.", [{ kind: "regenerate", scope: "scene", id: last.id, direction: "a hopeful ending: Ada forgives Marcus" }])]);
    const r = await reviseScreenplayWithModel(model, sp, "make the ending hopeful", undefined, { policy: FAST });
    expect(r.ops.map((o) => o.op)).toEqual(["replace-scene"]);
    const shotsCall = server!.requests.find((q) => q.schemaName === "scene_shots")!;
    expect(shotsCall.lastUser).toContain("a hopeful ending: Ada forgives Marcus");
    const after = r.screenplay.acts.at(-1)!.scenes.at(-1)!;
    expect(after.id).toBe(last.id);
    expect(json(after)).not.toBe(json(last));
    const secs = (s: typeof last) => s.shots.reduce((t, x) => t + x.duration, 0);
    expect(Math.abs(secs(after) - secs(last))).toBeLessThan(0.5);
    expect(after.shots.at(-1)!.transitionOut).toBe("fade-to-black");
    // Outside the scene: identical.
    expect(json(r.screenplay.characters)).toBe(json(sp.characters));
    expect(json(r.screenplay.acts.slice(0, -1))).toBe(json(sp.acts.slice(0, -1)));
    expect(json(r.screenplay.style)).toBe(json(sp.style));
  });

  test("regenerate an act: its scenes are rewritten, the other acts stay byte-identical", async () => {
    const sp = await baseFilm();
    const act = sp.acts[1];
    const model = await editModel([plan("Rewrote act two as a chase.", [{ kind: "regenerate", scope: "act", id: act.id, direction: "turn it into a chase across the salt flats" }])]);
    const r = await reviseScreenplayWithModel(model, sp, "regenerate the second act as a chase", { kind: "act", id: act.id }, { policy: FAST });
    expect(r.ops.map((o) => o.op)).toEqual(["replace-act"]);
    expect(sceneIds(r.screenplay)).toEqual(sceneIds(sp));
    expect(json(r.screenplay.acts[1])).not.toBe(json(act));
    expect(json(r.screenplay.acts[0])).toBe(json(sp.acts[0]));
    expect(json(r.screenplay.acts[2])).toBe(json(sp.acts[2]));
    expect(server!.requests.filter((q) => q.schemaName === "act_scenes")[0].lastUser).toContain("turn it into a chase");
  });

  test("restyle the selected shot; restyle the film", async () => {
    const sp = await baseFilm();
    const shot = sp.acts[0].scenes[0].shots[2];
    const model = await editModel([
      plan("This shot is now black and white.", [
        { kind: "restyle", scope: "shot", id: shot.id, palette: null, brightness: -0.2, contrast: 1.4, saturation: null, grain: 0.5, vignette: null, blackAndWhite: true, anamorphic: null },
      ]),
      plan("The film is now anamorphic noir.", [
        { kind: "restyle", scope: "film", id: null, palette: "noir", brightness: null, contrast: 9, saturation: null, grain: null, vignette: null, blackAndWhite: null, anamorphic: true },
      ]),
    ]);
    const r = await reviseScreenplayWithModel(model, sp, "this shot: black and white, grainy", { kind: "shot", id: shot.id }, { policy: FAST });
    const after = r.screenplay.acts[0].scenes[0].shots[2];
    expect(after.grade).toEqual({ brightness: -0.2, contrast: 1.4, grain: 0.5, blackAndWhite: true });
    expect(json({ ...after, grade: undefined })).toBe(json(shot));
    expect(json(r.screenplay.style)).toBe(json(sp.style));
    const film = await reviseScreenplayWithModel(model, sp, "make the whole film anamorphic noir", undefined, { policy: FAST });
    expect(film.screenplay.style.look).toMatchObject({ palette: "noir", contrast: 2, anamorphic: true, aspect: "2.39" });
    expect(json(film.screenplay.acts)).toBe(json(sp.acts));
  });

  test("add, remove and move scenes", async () => {
    const sp = await baseFilm();
    const [a1, a2, a3] = sp.acts;
    const model = await editModel([
      plan("Added a scene at the saloon.", [{ kind: "add-scene", actId: a2.id, index: 0, direction: "Ada drinks alone at the saloon" }]),
      plan("Removed the scene.", [{ kind: "remove-scene", sceneId: a3.scenes[0].id }]),
      plan("Moved the scene.", [{ kind: "move-scene", sceneId: a2.scenes[0].id, toActId: a1.id, index: 1 }]),
    ]);
    const added = await reviseScreenplayWithModel(model, sp, "add a scene where Ada drinks alone at the saloon", undefined, { policy: FAST });
    const inserted = added.screenplay.acts[1].scenes[0];
    expect(added.ops[0]).toMatchObject({ op: "insert-scene", actId: a2.id, index: 0 });
    expect(sceneIds(sp).flat()).not.toContain(inserted.id);
    expect(json(added.screenplay.acts[1].scenes.slice(1))).toBe(json(a2.scenes));
    expect(json([added.screenplay.acts[0], added.screenplay.acts[2]])).toBe(json([a1, a3]));

    // Act 3 has one scene in this film: removing it is refused by applyEdits, fed back, and the model's
    // next answer (a move) is applied instead.
    const removed = await reviseScreenplayWithModel(model, sp, "remove the last scene", undefined, { policy: FAST });
    expect(removed.ops.map((o) => o.op)).toEqual(["move-scene"]);
    const feedback = server!.requests.filter((q) => q.schemaName === "edit_plan").at(-1)!;
    expect(feedback.lastUser).toMatch(/could not be applied:\n- .*only scene of act/);
    expect(sceneIds(sp).map((a) => a.length)).toEqual([1, 2, 1]);
    expect(removed.screenplay.acts[0].scenes.map((s) => s.id)).toEqual([a1.scenes[0].id, a2.scenes[0].id]);
    expect(removed.screenplay.acts[1].scenes.map((s) => s.id)).toEqual([a2.scenes[1].id]);
    expect(json(removed.screenplay.acts[0].scenes[1])).toBe(json(a2.scenes[0]));
  });

  test("change the length: shot durations are rescaled to the new running time", async () => {
    const sp = await baseFilm();
    const model = await editModel([plan("The film now runs 5 minutes.", [{ kind: "set-length", seconds: 300 }])]);
    const r = await reviseScreenplayWithModel(model, sp, "make it 5 minutes", undefined, { policy: FAST });
    expect(r.screenplay.targetDurationSeconds).toBe(300);
    expect(Math.abs(plannedDuration(r.screenplay) - 300) / 300).toBeLessThan(0.05);
    expect(json(r.screenplay.characters)).toBe(json(sp.characters));
  });

  test("add a character: cast with its own locked look and a voice unlike the others", async () => {
    const sp = await baseFilm();
    const model = await editModel([
      plan("Added Juniper, a young deputy.", [
        {
          kind: "add-character",
          character: { name: "Juniper", role: "ally", age: 19, gender: "female", description: "A young deputy.", traits: ["eager"], speech: "Fast and earnest.", look: { ...LOOK, hairColor: "red", hairStyle: "curly" } },
        },
      ]),
    ]);
    const r = await reviseScreenplayWithModel(model, sp, "add a character named Juniper, a young deputy", undefined, { policy: FAST });
    expect(r.screenplay.characters.map((c) => c.id)).toEqual([...sp.characters.map((c) => c.id), "juniper"]);
    const juniper = r.screenplay.characters[2];
    expect(juniper.identity.hair).toEqual({ style: "curly", color: "#a3341c" });
    const voiceKey = (v: typeof juniper.voice) => `${v.voiceId}/${v.pitch}/${v.rate}`;
    expect(sp.characters.map((c) => voiceKey(c.voice))).not.toContain(voiceKey(juniper.voice));
    expect(json(r.screenplay.characters.slice(0, 2))).toBe(json(sp.characters));
    expect(json(r.screenplay.acts)).toBe(json(sp.acts));
  });

  test("add a character and a scene for them in one edit: the new character may speak in it", async () => {
    const sp = await baseFilm();
    const juniper = { name: "Juniper", role: "ally" as const, age: 19, gender: "female" as const, description: "A young deputy.", traits: ["eager"], speech: "Fast and earnest.", look: LOOK };
    const model = await editModel(
      [plan("Added Juniper and her scene.", [{ kind: "add-scene", actId: sp.acts[2].id, index: 0, direction: "Juniper brings news" }, { kind: "add-character", character: juniper }])],
      (req) => (req.schemaName === "scene_shots" ? { json: shotsFor(req, "Juniper", "Sheriff! They went north.") } : undefined),
    );
    const r = await reviseScreenplayWithModel(model, sp, "add a young deputy, Juniper, who brings news before the finale", undefined, { policy: FAST });
    expect(r.ops.map((o) => o.op)).toEqual(["add-character", "insert-scene"]);
    const scene = r.screenplay.acts[2].scenes[0];
    expect(scene.shots.flatMap((s) => s.lines).map((l) => l.speaker)).toContain("juniper");
    expect(server!.requests.find((q) => q.schemaName === "scene_shots")!.firstUser).toContain("- Juniper (ally, 19, female)");
  });

  test("a message the edits cannot carry out gives no ops and leaves the cut as it was", async () => {
    const sp = await baseFilm();
    const model = await editModel([plan("I can't add a musical number, but I can rewrite a scene as a song.", [])]);
    const r = await reviseScreenplayWithModel(model, sp, "turn it into a 3D musical", undefined, { policy: FAST });
    expect(r.ops).toEqual([]);
    expect(r.screenplay).toBe(sp);
    expect(r.summary).toMatch(/can't/);
  });
});

describe("guardrails when editing", { timeout: 20_000 }, () => {
  test("a locked look and voice stay unchanged unless the message asks for it", async () => {
    const sp = await baseFilm();
    const ada = sp.characters[0];
    const change = {
      kind: "update-character" as const,
      characterId: ada.id,
      description: "A retired sheriff, bitter now.",
      traits: null,
      speech: null,
      look: { ...LOOK, hairStyle: "short" as const, hairColor: "red" },
      voice: { pitch: 6, rate: 1.4 },
    };
    const model = await editModel([plan("Ada is bitter now.", [change])]);
    const r = await reviseScreenplayWithModel(model, sp, "make Ada more bitter", undefined, { policy: FAST });
    const after = r.screenplay.characters[0];
    expect(after.description).toBe("A retired sheriff, bitter now.");
    expect(json(after.identity)).toBe(json(ada.identity));
    expect(json(after.voice)).toBe(json(ada.voice));
    expect(r.notes.join(" ")).toMatch(/look is locked/);
    expect(r.notes.join(" ")).toMatch(/voice is locked/);

    const asked = await reviseScreenplayWithModel(model, sp, "give Ada short red hair and a deeper voice", undefined, { policy: FAST });
    const changed = asked.screenplay.characters[0];
    expect(changed.identity.hair).toEqual({ style: "short", color: "#a3341c" });
    expect(changed.identity.seed).toBe(ada.identity.seed);
    expect(changed.voice).toEqual({ voiceId: ada.voice.voiceId, pitch: 6, rate: 1.4 });
    expect(json(asked.screenplay.characters[1])).toBe(json(sp.characters[1]));
  });

  test("an edit naming things that do not exist is sent back with the reason, then the fixed plan applies", async () => {
    const sp = await baseFilm();
    const line = firstLine(sp);
    const model = await editModel([
      plan("x", [{ kind: "rewrite-line", lineId: "line-999", text: "Hm.", delivery: "weary" }]),
      plan("Rewrote the line.", [{ kind: "rewrite-line", lineId: line.id, text: "Hm.", delivery: "weary" }]),
    ]);
    const r = await reviseScreenplayWithModel(model, sp, "make the first line wearier", undefined, { policy: FAST });
    expect(r.ops).toHaveLength(1);
    expect(server!.requests[1].lastUser).toMatch(/there is no line "line-999"/);
  });

  test("a regenerated scene that gives lines to someone who is not a character is sent back", async () => {
    const sp = await baseFilm();
    const last = sp.acts.at(-1)!.scenes.at(-1)!;
    let shotsAsked = 0;
    const model = await editModel([plan("Rewrote the ending.", [{ kind: "regenerate", scope: "scene", id: last.id, direction: "the Stranger arrives" }])], (req) => {
      if (req.schemaName !== "scene_shots" || shotsAsked++ > 0) return undefined;
      return { json: { shots: [{ framing: "wide", move: "static", lens: 35, action: "A stranger.", characters: ["Stranger"], lines: [{ speaker: "Stranger", text: "Howdy.", delivery: "cold" }], sound: [], seconds: 5 }] } };
    });
    const r = await reviseScreenplayWithModel(model, sp, "a stranger arrives at the end", undefined, { policy: FAST });
    const ids = new Set(r.screenplay.characters.map((c) => c.id));
    for (const { shot } of iterateShots(r.screenplay)) for (const l of shot.lines) expect(ids.has(l.speaker)).toBe(true);
    expect(server!.requests.some((q) => /"Stranger", who is not a character/.test(q.lastUser))).toBe(true);
  });

  test("a failure in the middle of an edit leaves the film as it was", async () => {
    const sp = await baseFilm();
    const snapshot = json(sp);
    const last = sp.acts.at(-1)!.scenes.at(-1)!;
    const model = await editModel([plan("Rewrote the ending.", [{ kind: "regenerate", scope: "scene", id: last.id, direction: "darker" }])], (req) =>
      req.schemaName === "scene_shots" ? { status: 503 } : undefined,
    );
    const error = await reviseScreenplayWithModel(model, sp, "make the ending darker", undefined, { policy: { ...FAST, maxRetries: 2 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("provider_failed");
    expect(error.message).toMatch(/scene_shots \(after 2 retries\): HTTP 503/);
    expect(server!.requests.filter((q) => q.schemaName === "scene_shots")).toHaveLength(3);
    expect(json(sp)).toBe(snapshot);
  });
});
