import { AuteurError } from "../errors";
import { applyEdits, fitDurations } from "../screenplay/apply-edits";
import type { EditOp } from "../screenplay/edit-ops";
import type { Delivery, Grade, Look } from "../screenplay/schema";
import { LIMITS } from "../screenplay/limits";
import { speciesNamed } from "../screenplay/species";
import type { EndingDirection } from "./beats";
import { buildIdentity } from "./build-identity";
import { describeSketch, slugId } from "./build-cast";
import { castVoice, voiceFor } from "./cast-voices";
import { checkMessage } from "./check-idea";
import { registerFor } from "./dialogue-bank";
import { findCharacters, type CharacterSketch } from "./find-characters";
import { findLength } from "./find-length";
import { GENRES, genreById } from "./genres";
import { averageShotFor, planSlots } from "./plan-slots";
import { createRng } from "./prng";
import type { Act, Character, Line, Scene, Screenplay, Shot } from "./types";
import { writeScenes, type SceneSlot, type StoryContext } from "./write-scenes";

export interface RevisionTarget {
  kind: "shot" | "scene" | "line" | "act";
  id: string;
}

export interface Revision {
  ops: EditOp[];
  screenplay: Screenplay;
  /** One friendly sentence for the chat. */
  summary: string;
  notes: string[];
}

interface Located {
  act: Act;
  actIndex: number;
  scene?: Scene;
  sceneIndex?: number;
  shot?: Shot;
  line?: Line;
}

function locate(sp: Screenplay, target: RevisionTarget): Located {
  for (const [actIndex, act] of sp.acts.entries()) {
    if (target.kind === "act" && act.id === target.id) return { act, actIndex };
    for (const [sceneIndex, scene] of act.scenes.entries()) {
      if (target.kind === "scene" && scene.id === target.id) return { act, actIndex, scene, sceneIndex };
      for (const shot of scene.shots) {
        if (target.kind === "shot" && shot.id === target.id) return { act, actIndex, scene, sceneIndex, shot };
        const line = shot.lines.find((l) => l.id === target.id);
        if (target.kind === "line" && line) return { act, actIndex, scene, sceneIndex, shot, line };
      }
    }
  }
  throw new AuteurError("invalid_input", `The selected ${target.kind} "${target.id}" is not in this cut; select it again.`);
}

/** The story context of an existing screenplay, so revisions write in the same world with the same people. */
export function contextFromScreenplay(sp: Screenplay, seed: string): StoryContext {
  const genre = GENRES.find((g) => g.label === sp.style.genre || g.id === sp.style.genre) ?? genreById("drama");
  const goalText = /sets out to (.+?)(?:, but |\.$)/.exec(sp.logline)?.[1];
  const [verb, ...rest] = (goalText ?? "").split(" ");
  const places = [] as StoryContext["places"];
  for (const act of sp.acts) for (const scene of act.scenes) if (!places.some((p) => p.name.toLowerCase() === scene.location.name.toLowerCase())) places.push({ name: scene.location.name.replace(/^The /, "the "), kind: scene.location.kind, interior: scene.location.interior });
  return {
    seed,
    genre,
    characters: sp.characters,
    goal: goalText && rest.length ? { verb, object: rest.join(" ") } : genre.goal,
    places: places.length ? places : genre.places.slice(),
    averageShot: averageShotFor(sp.targetDurationSeconds),
  };
}

function allIds(sp: Screenplay): Set<string> {
  const ids = new Set<string>();
  for (const act of sp.acts) {
    ids.add(act.id);
    for (const scene of act.scenes) {
      ids.add(scene.id);
      for (const shot of scene.shots) {
        ids.add(shot.id);
        for (const line of shot.lines) ids.add(line.id);
      }
    }
  }
  return ids;
}

/** A revision prefix no id in the screenplay uses yet ("s7-r2"). */
function freshPrefix(base: string, ids: Set<string>): string {
  for (let n = 2; ; n++) {
    const prefix = `${base}-r${n}`;
    if (![...ids].some((id) => id === prefix || id.startsWith(`${prefix}-`))) return prefix;
  }
}

function sceneSeconds(scene: Scene): number {
  return Math.round(scene.shots.reduce((s, h) => s + h.duration, 0) * 100) / 100;
}

/** Rewrite scenes in place (same scene ids, new shot and line ids) from slots describing each. */
function rewriteScenes(sp: Screenplay, ctx: StoryContext, picks: { scene: Scene; globalIndex: number; total: number; actEnd: boolean; actStart: boolean }[], direction: EndingDirection | undefined, note: string | undefined): Scene[] {
  const ids = allIds(sp);
  const slots: SceneSlot[] = picks.map(({ scene, globalIndex, total, actEnd, actStart }) => {
    const prefix = freshPrefix(scene.id, ids);
    ids.add(prefix);
    return {
      id: prefix,
      position: total <= 1 ? 0 : globalIndex / (total - 1),
      seconds: sceneSeconds(scene),
      first: globalIndex === 0,
      last: globalIndex === total - 1,
      actStart,
      actEnd,
      direction,
      note,
    };
  });
  return writeScenes(ctx, slots).map((s, i) => ({ ...s, id: picks[i].scene.id }));
}

const DIRECTIONS: [RegExp, EndingDirection, string][] = [
  [/\b(hopeful|happ(y|ier)|upbeat|uplifting|optimistic|brighter ending|triumphant)\b/, "hopeful", "a hopeful turn"],
  [/\b(dark(er)?|sad(der)?|tragic|bleak(er)?|grim(mer)?)\b/, "dark", "a darker turn"],
  [/\bbittersweet\b/, "bittersweet", "a bittersweet turn"],
  [/\b(funn(y|ier)|comic|lighter)\b/, "funny", "a lighter, funnier turn"],
  [/\btwist\b/, "twist", "a twist"],
];

function directionOf(lower: string): [EndingDirection, string] | undefined {
  for (const [re, dir, words] of DIRECTIONS) if (re.test(lower)) return [dir, words];
  return undefined;
}

const DELIVERY_WORDS: [RegExp, Delivery][] = [
  [/\bsarcastic(ally)?|snark(y|ier)|ironic\b/, "sarcastic"], [/\bangr(y|ier|ily)|furious|mad\b/, "angry"], [/\bwhisper(ed|ing)?|quiet(er|ly)?|hushed\b/, "whispered"],
  [/\bshout(ed|ing)?|loud(er)?|yell(ed|ing)?\b/, "shouted"], [/\bsad(der)?|mournful|tearful\b/, "sad"], [/\bscared|afraid|frightened|nervous\b/, "scared"],
  [/\btender(ly)?|soft(er|ly)?|gentl(e|er|y)|warm(er)?\b/, "tender"], [/\bexcited|enthusiastic|eager\b/, "excited"], [/\bweary|tired|exhausted\b/, "weary"],
  [/\bcold(er)?|icy|flat\b/, "cold"], [/\bamused|playful|funn(y|ier)\b/, "amused"], [/\bneutral|plain(er)?\b/, "neutral"],
];

const WRAPS: Record<Delivery, [string, string]> = {
  sarcastic: ["Oh, sure.", "What could possibly go wrong?"], angry: ["Enough!", ""], whispered: ["Listen. Quietly.", ""], shouted: ["Hey!", ""],
  sad: ["", "I'm sorry."], scared: ["I— I don't know.", ""], tender: ["Hey.", ""], excited: ["Yes!", ""], weary: ["", "I'm tired."],
  cold: ["", ""], amused: ["", "Ha."], neutral: ["", ""],
};

/** Rewrite a line's words in a delivery's register (and strip what an earlier rewrite added). */
export function rewriteLine(text: string, delivery: Delivery): string {
  let core = text.trim();
  for (const [pre, post] of Object.values(WRAPS)) {
    if (pre && core.startsWith(`${pre} `)) core = core.slice(pre.length + 1);
    if (post && core.endsWith(` ${post}`)) core = core.slice(0, -post.length - 1);
  }
  if (delivery === "angry" || delivery === "shouted" || delivery === "excited") core = core.replace(/[.]$/, "!");
  if (delivery === "cold" || delivery === "whispered") core = core.replace(/!+$/, ".");
  if (delivery === "sad" || delivery === "weary") core = core.replace(/[.!]$/, "...");
  const [pre, post] = WRAPS[delivery];
  const out = [pre, core, post].filter(Boolean).join(" ");
  return out.length <= LIMITS.maxLineChars ? out : core.slice(0, LIMITS.maxLineChars);
}

function restyleGrade(lower: string, current: Partial<Look>): { grade: Grade; look: Partial<Look>; references: string[]; words: string[] } {
  const grade: Grade = {};
  const look: Partial<Look> = {};
  const references: string[] = [];
  const words: string[] = [];
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)) * 100) / 100;
  if (/\b(bright(er)?|lighter|more light)\b/.test(lower)) { grade.brightness = clamp((current.brightness ?? 0) + 0.25, -1, 1); words.push("brighter"); }
  if (/\b(dark(er)?|dimmer|moodier)\b/.test(lower)) { grade.brightness = clamp((current.brightness ?? 0) - 0.25, -1, 1); words.push("darker"); }
  if (/\bnoir\b/.test(lower)) { Object.assign(grade, { palette: "noir", saturation: 0.2, contrast: 1.6, brightness: clamp((current.brightness ?? 0) - 0.15, -1, 1), vignette: 0.5 }); words.push("more noir"); }
  if (/\bblack[- ]and[- ]white\b|\bb ?& ?w\b|\bmonochrome\b|\bgr[ae]yscale\b/.test(lower)) { Object.assign(grade, { blackAndWhite: true, saturation: 0 }); words.push("black and white"); }
  if (/\b(in colou?r|full colou?r|back to colou?r)\b/.test(lower)) { Object.assign(grade, { blackAndWhite: false, saturation: 1 }); words.push("in colour"); }
  if (/\banamorphic\b|\bwidescreen\b|\bcinemascope\b/.test(lower)) { grade.anamorphic = true; look.aspect = "2.39"; words.push("anamorphic"); references.push("anamorphic"); }
  if (/\b35 ?mm\b/.test(lower)) { grade.grain = 0.35; words.push("35mm grain"); references.push("35mm film"); }
  else if (/\b16 ?mm\b/.test(lower)) { grade.grain = 0.6; words.push("16mm grain"); references.push("16mm film"); }
  else if (/\b(grain(y|ier)?|more grain)\b/.test(lower)) { grade.grain = clamp((current.grain ?? 0) + 0.2, 0, 1); words.push("grainier"); }
  if (/\b(more saturated|more vivid|more colou?rful|punchier)\b/.test(lower)) { grade.saturation = clamp((current.saturation ?? 1) + 0.3, 0, 2); words.push("more saturated"); }
  if (/\b(desaturated?|muted|washed[- ]out|less colou?r)\b/.test(lower)) { grade.saturation = clamp((current.saturation ?? 1) - 0.3, 0, 2); words.push("more muted"); }
  if (/\b(more contrast|higher contrast|harder light|punchier contrast)\b/.test(lower)) { grade.contrast = clamp((current.contrast ?? 1) + 0.25, 0.5, 2); words.push("higher contrast"); }
  if (/\b(softer|less contrast|lower contrast|flatter)\b/.test(lower)) { grade.contrast = clamp((current.contrast ?? 1) - 0.2, 0.5, 2); words.push("softer"); }
  if (/\bvignette\b/.test(lower)) { grade.vignette = clamp((current.vignette ?? 0) + 0.3, 0, 1); words.push("vignetted"); }
  for (const palette of ["cyberpunk", "western", "horror", "romance", "eighties", "fantasy"] as const)
    if (new RegExp(`\\b(more )?${palette}\\b`).test(lower) && /\b(look|feel|grade|colou?rs?|palette|more)\b/.test(lower)) { grade.palette = palette; words.push(`a ${palette} palette`); }
  return { grade, look, references, words };
}

const ORDINAL: Record<string, number> = { first: 0, "1st": 0, one: 0, "1": 0, second: 1, "2nd": 1, two: 1, "2": 1, third: 2, "3rd": 2, three: 2, "3": 2, fourth: 3, "4": 3, fifth: 4, "5": 4 };

/**
 * The offline rules that turn a chat message into EditOps on the current cut, and apply them.
 * Unknown requests give no ops and a summary saying what could not be done.
 */
export function reviseScreenplay(sp: Screenplay, message: string, target?: RevisionTarget): Revision {
  const text = checkMessage(message);
  const lower = text.toLowerCase();
  const at = target ? locate(sp, target) : undefined;
  const ctx = contextFromScreenplay(sp, `${sp.title}\u0000${text}\u0000${target?.id ?? ""}`);
  const ops: EditOp[] = [];
  const said: string[] = [];
  const notes: string[] = [];
  const sceneList = sp.acts.flatMap((act, a) => act.scenes.map((scene, s) => ({ act, a, scene, s })));
  const pick = (scene: Scene) => {
    const globalIndex = sceneList.findIndex((x) => x.scene === scene);
    const { act, s } = sceneList[globalIndex];
    return { scene, globalIndex, total: sceneList.length, actEnd: s === act.scenes.length - 1, actStart: s === 0 && globalIndex > 0 };
  };
  const quote = /["“']([^"”']{3,})["”']/.exec(text)?.[1];
  const dir = directionOf(lower);
  const lengthAsked = /\b(make it|cut it to|trim it to|shorten it to|lengthen it to|make the film|make the movie|should be|runtime|running time|long)\b/.test(lower) || /^\s*\d/.test(lower) ? findLength(text) : undefined;

  // 1. Whole act: "regenerate the third act with a train robbery".
  const actMatch = /\b(regenerate|rewrite|redo|remake|rework|write)\b[^.]*?\b(?:the\s+)?(first|second|third|fourth|fifth|1st|2nd|3rd|last|final|\d)\s+act\b|\bact\s+(\d|one|two|three|four|five)\b[^.]*\b(regenerate|rewrite|redo)\b|\b(regenerate|rewrite|redo)\b[^.]*\bact\s+(\d|one|two|three|four|five)\b/.exec(lower);
  const actFromTarget = at && target?.kind === "act" && /\b(regenerate|rewrite|redo|remake|rework)\b/.test(lower) ? at.actIndex : undefined;
  if (actMatch || actFromTarget !== undefined) {
    const word = actMatch ? actMatch[2] ?? actMatch[3] ?? actMatch[6] : undefined;
    const index = actFromTarget ?? (word === "last" || word === "final" ? sp.acts.length - 1 : ORDINAL[word ?? ""]);
    if (index === undefined || index >= sp.acts.length) {
      said.push(`there is no ${word} act in this film (it has ${sp.acts.length})`);
    } else {
      const act = sp.acts[index];
      const note = /\bwith\s+(.+)$/.exec(text)?.[1];
      const scenes = rewriteScenes(sp, ctx, act.scenes.map(pick), dir?.[0], note);
      ops.push({ op: "replace-act", actId: act.id, act: { ...act, scenes } });
      said.push(`rewrote act ${index + 1}${note ? ` with ${note.replace(/[.!]$/, "")}` : dir ? ` with ${dir[1]}` : ""}`);
    }
  } else if (at?.scene && target?.kind === "scene" && /\b(regenerate|rewrite|redo|remake|rework|different|again)\b/.test(lower)) {
    // 1b. The selected scene, with a new turn (and the person's direction, if any).
    const note = /\b(?:where|in which|with)\s+(.+)$/i.exec(text)?.[1]?.replace(/[.!]+$/, "");
    const [scene] = rewriteScenes(sp, ctx, [pick(at.scene)], dir?.[0] ?? "twist", note);
    ops.push({ op: "replace-scene", sceneId: at.scene.id, scene: scene! });
    said.push(`rewrote the scene "${at.scene.heading}" with ${note ? note : dir?.[1] ?? "a different turn"}`);
  } else if (/\b(ending|end|finale|last scenes?|final scenes?)\b/.test(lower) && (dir || /\b(regenerate|rewrite|redo|change|different|alternate|alternative|another)\b/.test(lower))) {
    // 2. The ending: the last act's final two scenes ("...where Felix confesses" carries into them).
    const last = sp.acts[sp.acts.length - 1];
    const scenes = last.scenes.slice(-2);
    const note = /\b(?:where|in which|with)\s+(.+)$/i.exec(text)?.[1]?.replace(/[.!]+$/, "");
    const rewritten = rewriteScenes(sp, ctx, scenes.map(pick), dir?.[0] ?? "bittersweet", note);
    rewritten.forEach((scene, i) => ops.push({ op: "replace-scene", sceneId: scenes[i].id, scene }));
    said.push(`rewrote the last ${scenes.length === 1 ? "scene" : `${scenes.length} scenes`} of act ${sp.acts.length} with ${dir?.[1] ?? "a different turn"}`);
  }

  // 3. Add a scene.
  const addScene = /\badd (?:a |an |another )?(?:new )?scene\b\s*(?:where|in which|with|of|at|about|when|:)?\s*(.*)$/.exec(text.replace(/\s+/g, " "));
  if (addScene) {
    const body = addScene[1].replace(/[.!]+$/, "").trim() || "a quiet moment between the characters";
    const actIndex = at ? at.actIndex : Math.floor(sp.acts.length / 2);
    const act = sp.acts[actIndex];
    const index = at?.sceneIndex !== undefined ? at.sceneIndex + 1 : act.scenes.length;
    const ids = allIds(sp);
    let n = 1;
    while ([...ids].some((id) => id === `added-${n}` || id.startsWith(`added-${n}-`))) n++;
    const seconds = Math.round((act.scenes.reduce((s, sc) => s + sceneSeconds(sc), 0) / act.scenes.length) * 100) / 100;
    const before = sceneList.findIndex((x) => x.act === act && x.s === index - 1);
    const position = sceneList.length <= 1 ? 0.5 : Math.min(0.95, Math.max(0.05, (before + 1) / sceneList.length));
    const [scene] = writeScenes(ctx, [{ id: `added-${n}`, position, seconds: Math.min(seconds, 180), requested: { position: "middle", text: body, index: 0 }, first: false, last: false, actStart: false, actEnd: false }]);
    // An inserted scene cuts in and out; fades stay where the act breaks are.
    scene.shots[0].transitionIn = "cut";
    scene.shots[scene.shots.length - 1].transitionOut = "cut";
    ops.push({ op: "insert-scene", actId: act.id, index, scene });
    said.push(`added a scene to act ${actIndex + 1} where ${body}`);
    notes.push(`The film is now about ${Math.round(scene.shots.reduce((s, h) => s + h.duration, 0))} seconds longer.`);
  }

  // 4. Remove a scene.
  if (/\b(remove|cut|delete|drop|lose)\b[^.]*\bscene\b/.test(lower) && !addScene) {
    let victim = at?.scene;
    const numbered = /\bscene\s+(\d+)\b/.exec(lower);
    if (!victim && numbered) victim = sceneList[Number(numbered[1]) - 1]?.scene;
    if (!victim) {
      const words = (/\bscene\b\s*(?:in|at|with|where|of)?\s*(?:the\s+)?(.+)$/.exec(lower)?.[1] ?? "").split(/\W+/).filter((w) => w.length > 3);
      const scored = sceneList.map((x) => ({ x, score: words.filter((w) => `${x.scene.heading} ${x.scene.summary}`.toLowerCase().includes(w)).length })).sort((a, b) => b.score - a.score);
      if (scored[0]?.score > 0 && scored[0].score > (scored[1]?.score ?? 0)) victim = scored[0].x.scene;
    }
    if (!victim) said.push("could not tell which scene to remove (select one, or say \"remove scene 3\")");
    else {
      const host = sceneList.find((x) => x.scene === victim)!;
      if (host.act.scenes.length === 1) said.push(`could not remove "${victim.heading}": it is the only scene of act ${host.a + 1}`);
      else {
        ops.push({ op: "remove-scene", sceneId: victim.id });
        said.push(`removed the scene "${victim.heading}"`);
      }
    }
  }

  // 5. Add a character.
  const addChar = /\badd (?:a |an )?(?:new )?character(?: named| called)?\s+(.+)$|\badd (?:a |an )?(?:new )?(?:(\w+) )?(?:named|called)\s+(.+)$/i.exec(text);
  if (addChar) {
    const rest = (addChar[1] ?? addChar[3]).trim();
    // "add a dog named Rex": an animal
    const species = addChar[2] ? speciesNamed(addChar[2]) : undefined;
    const name = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)/u.exec(rest)?.[1];
    if (!name) said.push("could not find the new character's name (write it with a capital letter: \"add a character named Juno, a pilot\")");
    else if (sp.characters.length >= LIMITS.maxCharacters) said.push(`could not add ${name}: a film has at most ${LIMITS.maxCharacters} characters`);
    else {
      const found: CharacterSketch = findCharacters(rest).characters.find((c) => c.name === name) ?? { name, firstIndex: 0, mentions: 1, traits: [], marks: [], wardrobe: [] };
      if (species && !found.animal) Object.assign(found, { animal: species, animalWord: addChar[2]!.toLowerCase(), job: undefined, age: undefined });
      const role = found.role ?? "supporting";
      const ids = new Set(sp.characters.map((c) => c.id));
      const character: Character = {
        id: slugId(name, ids, `character-${sp.characters.length + 1}`),
        name: name.slice(0, 60),
        role,
        ...(found.age ? { age: found.age } : {}),
        gender: found.gender ?? "unspecified",
        description: describeSketch(found),
        traits: [...found.traits, ...(found.job ? [found.job] : [])].slice(0, 12),
        speech: registerFor(found.traits, found.job ?? "", role, found.age).speech,
        identity: buildIdentity({ ...found, role }, ctx.genre, `${sp.title}\u0000${name}`),
        voice: voiceFor(castVoice(found.gender ?? "unspecified", found.age, sp.characters.map((c) => c.voice), createRng("voice", sp.title, name).int(16)), { body: found.animal ? "animal" : found.robot ? "robot" : undefined }),
      };
      ops.push({ op: "add-character", character });
      said.push(`added ${name} to the cast`);
      notes.push(`${name} has a locked look and voice now; ask for a scene with ${name} to put them on screen.`);
    }
  }

  // 6. A line's delivery: "that line, more sarcastic" (selected line, a quoted line, or every line of a selected shot).
  const delivery = DELIVERY_WORDS.find(([re]) => re.test(lower))?.[1];
  const lineTargets: Line[] = [];
  if (at?.line) lineTargets.push(at.line);
  else if (quote) {
    const q = quote.toLowerCase().replace(/\s+/g, " ");
    for (const x of sceneList) for (const shot of x.scene.shots) for (const line of shot.lines) if (line.text.toLowerCase().includes(q)) lineTargets.push(line);
  } else if (at?.shot && /\bline|say|said|read|deliver/.test(lower)) lineTargets.push(...at.shot.lines);
  if (delivery && lineTargets.length && !addChar && !addScene) {
    for (const line of lineTargets.slice(0, 6)) ops.push({ op: "update-line", lineId: line.id, delivery, text: rewriteLine(line.text, delivery) });
    said.push(`made ${lineTargets.length === 1 ? "the line" : `${lineTargets.length} lines`} ${delivery}`);
  } else if (/\b(that|this|the) line\b/.test(lower) && !lineTargets.length) said.push("could not tell which line (select it, or quote it)");

  // 7. Retake.
  if (/\b(another take|new take|retake|re-?roll|regenerate (?:this|that|the) shot|redo (?:this|that|the) shot|try (?:it |that )?again|render (?:it |this )?again)\b/.test(lower)) {
    if (at?.shot) {
      ops.push({ op: "retake-shot", shotId: at.shot.id });
      said.push(`asked for take ${at.shot.take + 1} of the shot`);
    } else said.push("could not tell which shot to retake (select a shot first)");
  }

  // 8. Restyle.
  const wantsStyle = !lineTargets.length || !delivery;
  const film = /\b(the (whole )?film|the movie|everything|whole thing|all shots|all of it|overall)\b/.test(lower);
  const current = at?.shot ? { ...sp.style.look, ...(at.scene?.grade ?? {}), ...(at.shot.grade ?? {}) } : at?.scene ? { ...sp.style.look, ...(at.scene.grade ?? {}) } : sp.style.look;
  const rewroteStory = ops.some((o) => o.op === "replace-act" || o.op === "replace-scene");
  const style = wantsStyle && !rewroteStory ? restyleGrade(lower, current) : undefined;
  if (style && style.words.length) {
    if (film || (!at && !(target?.kind === "line"))) {
      if (!film && !at) notes.push("No shot or scene was selected, so the change applies to the whole film.");
      ops.push({ op: "restyle", scope: "film", grade: style.grade, ...(Object.keys(style.look).length ? { look: style.look } : {}), ...(style.references.length ? { references: [...new Set([...sp.style.references, ...style.references])].slice(0, 8) } : {}) });
      said.push(`made the whole film ${style.words.join(", ")}`);
    } else if (at?.shot) {
      ops.push({ op: "restyle", scope: { shotId: at.shot.id }, grade: style.grade });
      said.push(`made the shot ${style.words.join(", ")}`);
    } else if (at?.scene) {
      ops.push({ op: "restyle", scope: { sceneId: at.scene.id }, grade: style.grade });
      said.push(`made the scene ${style.words.join(", ")}`);
    } else if (at) {
      for (const scene of at.act.scenes) ops.push({ op: "restyle", scope: { sceneId: scene.id }, grade: style.grade });
      said.push(`made act ${at.actIndex + 1} ${style.words.join(", ")}`);
    }
  }

  // 9. Length.
  if (lengthAsked?.requested) {
    const seconds = lengthAsked.seconds;
    notes.push(...lengthAsked.notes);
    const shots = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
    const reach = fitDurations(shots, seconds).reduce((s, d) => s + d, 0);
    if (Math.abs(reach - seconds) <= seconds * 0.05 || ops.length) {
      ops.push({ op: "set-target-duration", seconds });
    } else {
      // Too far to stretch or squeeze: rewrite every act at the new length with the same people and look.
      const plan = planSlots(seconds, [], `${sp.title}\u0000${seconds}`);
      if (plan.length === sp.acts.length) {
        const ids = allIds(sp);
        const prefix = freshPrefix("v", ids);
        const slots = plan.flatMap((a) => a.slots).map((s) => ({ ...s, id: `${prefix}-${s.id}` }));
        const longer: StoryContext = { ...ctx, averageShot: averageShotFor(seconds) };
        const scenes = writeScenes(longer, slots);
        let k = 0;
        plan.forEach((a, i) => {
          const actScenes = scenes.slice(k, k + a.slots.length);
          k += a.slots.length;
          ops.push({ op: "replace-act", actId: sp.acts[i].id, act: { ...sp.acts[i], scenes: actScenes } });
        });
        notes.push("The new length was too far from the old one to stretch, so every act was rewritten at the new length with the same characters and look.");
      }
      ops.push({ op: "set-target-duration", seconds });
    }
    said.push(`set the running time to ${seconds >= 120 ? `${Math.round((seconds / 60) * 10) / 10} minutes` : `${seconds} seconds`}`);
  }

  const done = said.filter((s) => !s.startsWith("could not") && !s.startsWith("there is no"));
  const failed = said.filter((s) => s.startsWith("could not") || s.startsWith("there is no"));
  if (!ops.length) {
    const why = failed.length ? `I ${failed.join("; and ")}` : `I could not work out a change from "${text.slice(0, 80)}${text.length > 80 ? "…" : ""}"`;
    return {
      ops: [],
      screenplay: sp,
      summary: `${why}. Try "make the ending hopeful", "this shot darker", "that line, more sarcastic", "another take", "add a scene where…", "remove scene 3", "make it 5 minutes" or "add a character named Juno, a pilot".`,
      notes,
    };
  }
  const screenplay = applyEdits(sp, ops);
  const sentence = done.join(", ") + (failed.length ? `; I ${failed.join("; and ")}` : "");
  return { ops, screenplay, summary: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`, notes };
}
