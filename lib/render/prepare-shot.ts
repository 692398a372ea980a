/**
 * Everything about a shot that does not change from frame to frame, drawn once: the place's layers
 * (merged into one picture when the camera moves them together, cropped to their content otherwise),
 * each character's body, weather tiles, the vignette/letterbox overlay, grain tiles and captions.
 * drawFrame then only composes these with the camera's transform and draws the faces.
 */
import type { Canvas } from "@napi-rs/canvas";
import type { ShotSpec } from "../plan/specs";
import { cameraPath, maxShift, movesUniformly, type CameraPath } from "./camera-path";
import { cropToContent, makeCanvas } from "./canvas-util";
import { makeCaptions, type Caption } from "./captions";
import { animalExtent } from "./character/draw-animal";
import { armReach, drawFigure } from "./character/draw-figure";
import { makeGrade, type Grade } from "./grade";
import { drawFlares, letterboxBar, makeFinish, makeGrain, makeOverlay, type Grain } from "./overlays";
import { skyColors } from "./places/kit";
import { DEPTHS, PARALLAX, ZOOM_SHARE, type Depth, type Light, type PlaceContext } from "./places/place-context";
import { drawnInside, placePainters } from "./places/place-painters";
import { drawProp } from "./props";
import { poseAt, poseKey, REST, walksIn, type BodyPose } from "./pose";
import { makeRng } from "./rng";
import { layoutShot, type FigurePlacement, type ShotLayout } from "./shot-layout";
import { makeWeather, type WeatherFx } from "./weather";
import { mix } from "./color";

export interface PreparedLayer {
  canvas: Canvas;
  /** Where the canvas's top-left sits, in frame coordinates with the camera at rest. */
  x: number;
  y: number;
  parallax: number;
  zoomShare: number;
  /** Moves with a tracking camera (the characters walk along with it). */
  travels: boolean;
}

export interface PreparedFigure extends PreparedLayer {
  placement: FigurePlacement;
  /** The body in another pose (drawn once per pose, then kept), over the same area as `canvas`. */
  posed: (pose: BodyPose) => Canvas;
  /** Whether this figure ever leaves its rest pose in the shot (it speaks, or the shot walks). */
  moves: boolean;
}

export interface PreparedShot {
  spec: ShotSpec;
  layout: ShotLayout;
  camera: CameraPath;
  grade: Grade;
  /** The grade for the characters (the scene's light plus a key light). */
  figureGrade: Grade;
  /** The people walk (a tracking shot): legs step, arms swing. */
  walking: boolean;
  behind: PreparedLayer[];
  figures: PreparedFigure[];
  front: PreparedLayer[];
  weather: WeatherFx | null;
  overlay: Canvas | null;
  grain: Grain | null;
  /** Grain + vignette + letterbox as whole frames (see makeFinish); one is blended per frame. */
  finish: Canvas[];
  captions: Map<string, Caption>;
  letterbox: number;
}

const HAZE: Record<string, Partial<Record<Depth, number>>> = {
  fog: { far: 0.65, mid: 0.45, near: 0.2 },
  rain: { far: 0.35, mid: 0.2, near: 0.05 },
  storm: { far: 0.45, mid: 0.25, near: 0.08 },
  snow: { far: 0.35, mid: 0.15 },
  dust: { far: 0.5, mid: 0.3, near: 0.12 },
  cloudy: { far: 0.15 },
  clear: { far: 0.08 },
  wind: { far: 0.1 },
};

export function prepareShot(spec: ShotSpec): PreparedShot {
  const W = spec.width;
  const H = spec.height;
  const layout = layoutShot(spec);
  const inside = drawnInside(spec.place);
  const grade = makeGrade(spec.look, { ...spec.place, interior: inside });
  const figureGrade = makeGrade(spec.look, { ...spec.place, interior: inside }, { subject: true });
  const camera = cameraPath(spec.camera.move, spec.frames, spec.seed);
  const uniform = movesUniformly(spec.camera.move);
  const margin = (p: number) => {
    const s = maxShift(spec.camera.move, p);
    return { x: Math.ceil(s.x + 8), y: Math.ceil(s.y + 8) };
  };
  const lights: Light[] = [];

  // Paint every depth into its own canvas (in wide-shot coordinates, zoomed for the framing and lens).
  const painted = new Map<Depth, { canvas: Canvas; m: { x: number; y: number }; lights: Light[] }>();
  const zoom = layout.bgZoom;
  const ax = W / 2;
  const ay = layout.horizonY;
  const sky = skyColors({ place: spec.place });
  for (const depth of DEPTHS) {
    const m = margin(PARALLAX[depth]);
    // The painter covers a fixed area well beyond the frame (more than any margin or zoom-out needs),
    // so the place's details sit in the same spots whatever the camera does.
    const pc: PlaceContext = {
      W,
      H,
      x0: -0.5 * W,
      x1: 1.5 * W,
      y0: -0.5 * H,
      y1: 1.5 * H,
      top: ay - ay / zoom,
      horizonY: layout.horizonY,
      place: spec.place,
      grade,
      // The place's seed alone picks its details, so every shot of a scene shows the same place.
      rng: makeRng(spec.place.seed),
      darkness: grade.darkness,
      lights,
    };
    const painter = placePainters(spec.place, pc)[depth];
    if (!painter) continue;
    const { canvas, ctx } = makeCanvas(W + 2 * m.x, H + 2 * m.y);
    ctx.translate(m.x, m.y);
    ctx.translate(ax, ay);
    ctx.scale(zoom, zoom);
    ctx.translate(-ax, -ay);
    const before = lights.length;
    painter(ctx, pc);
    const own = lights.slice(before).map((l) => ({ ...l, x: m.x + ax + (l.x - ax) * zoom, y: m.y + ay + (l.y - ay) * zoom, size: l.size * zoom }));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // Weather haze, over what this depth drew only.
    const haze = inside ? 0 : (HAZE[spec.place.weather]?.[depth] ?? 0);
    if (haze > 0 && depth !== "sky") {
      ctx.globalCompositeOperation = "source-atop";
      ctx.fillStyle = grade.emit(mix(sky.horizon, spec.place.weather === "dust" ? "#d8b080" : "#c8ccd2", 0.5), haze);
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.globalCompositeOperation = "source-over";
    }
    if (spec.look.anamorphic && own.length) drawFlares(ctx, own, W, grade);
    painted.set(depth, { canvas, m, lights: own });
  }

  // Depth of field: the background softens as the framing tightens and the lens lengthens.
  const blurred = (canvas: Canvas, px: number): Canvas => {
    if (px < 0.6) return canvas;
    const { canvas: out, ctx } = makeCanvas(canvas.width, canvas.height);
    ctx.filter = `blur(${px.toFixed(1)}px)`;
    ctx.drawImage(canvas, 0, 0);
    ctx.filter = "none";
    return out;
  };
  const behind: PreparedLayer[] = [];
  const backDepths = DEPTHS.filter((d) => d !== "fg" && painted.has(d));
  if (uniform) {
    const m = margin(1);
    const { canvas, ctx } = makeCanvas(W + 2 * m.x, H + 2 * m.y);
    ctx.fillStyle = "#000000";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    for (const d of backDepths) {
      const p = painted.get(d)!;
      ctx.drawImage(p.canvas, m.x - p.m.x, m.y - p.m.y);
    }
    behind.push({ canvas: blurred(canvas, layout.bgBlur), x: -m.x, y: -m.y, parallax: 1, zoomShare: 1, travels: false });
  } else {
    for (const d of backDepths) {
      const p = painted.get(d)!;
      const soft = blurred(p.canvas, layout.bgBlur);
      if (d === "sky") {
        behind.push({ canvas: soft, x: -p.m.x, y: -p.m.y, parallax: PARALLAX[d], zoomShare: ZOOM_SHARE[d], travels: false });
        continue;
      }
      const crop = cropToContent(soft);
      if (crop) behind.push({ canvas: crop.canvas, x: crop.x - p.m.x, y: crop.y - p.m.y, parallax: PARALLAX[d], zoomShare: ZOOM_SHARE[d], travels: false });
    }
  }

  // Characters: each body once, cropped to the part that can ever be in frame.
  const figures: PreparedFigure[] = [];
  const walking = walksIn(spec);
  for (const f of layout.figures) {
    const s = f.unit * f.character.identity.height;
    const m = margin(1);
    // The poses this figure takes in the shot; a gesturing arm reaches out past the shoulders on its side.
    const used = new Map<string, BodyPose>();
    if (!f.back && !f.rides && f.character.identity.body !== "animal" && (walking || spec.lines.some((l) => l.speaker === f.id)))
      for (let k = 0; k < spec.frames; k++) {
        const pose = poseAt(spec, f, k, walking);
        used.set(poseKey(pose), pose);
      }
    const moves = used.size > 1 || (used.size === 1 && !used.has(poseKey(REST)));
    const side = (i: 0 | 1) => Math.max(0.3, ...[...used.values()].map((pose) => armReach(f.character.identity, pose.arms[i])));
    const reach = f.character.identity.body === "animal" ? animalExtent(f.character.identity, f.centre) : { left: side(0), right: side(1), top: 1.12 };
    const x0 = Math.max(-m.x, Math.floor(f.x - reach.left * s));
    const x1 = Math.min(W + m.x, Math.ceil(f.x + reach.right * s));
    const y0 = Math.max(-m.y, Math.floor(f.feetY - reach.top * s));
    const y1 = Math.min(H + m.y, Math.ceil(f.feetY + 2));
    if (x1 <= x0 || y1 <= y0) continue;
    const pad = Math.ceil(f.blur * 3);
    const draw = (pose: BodyPose | undefined): Canvas => {
      const { canvas, ctx } = makeCanvas(x1 - x0 + 2 * pad, y1 - y0 + 2 * pad);
      ctx.translate(f.x - x0 + pad, f.feetY - y0 + pad);
      ctx.scale(s, s);
      drawFigure(ctx, f.character.identity, figureGrade, { back: f.back, facing: f.facing, centre: f.centre, rides: f.rides, pose });
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      if (f.dim > 0) {
        ctx.globalCompositeOperation = "source-atop";
        ctx.fillStyle = `rgba(0,0,0,${f.dim})`;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.globalCompositeOperation = "source-over";
      }
      return blurred(canvas, f.blur);
    };
    const rest = draw(undefined);
    const poses = new Map<string, Canvas>([[poseKey(REST), rest]]);
    const posed = (pose: BodyPose): Canvas => {
      const key = poseKey(pose);
      let canvas = poses.get(key);
      if (!canvas) poses.set(key, (canvas = draw(pose)));
      return canvas;
    };
    figures.push({ canvas: rest, x: x0 - pad, y: y0 - pad, parallax: 1, zoomShare: 1, travels: true, placement: f, posed, moves });
  }

  const front: PreparedLayer[] = [];
  const fg = painted.get("fg");
  if (fg) {
    const crop = cropToContent(blurred(fg.canvas, layout.bgBlur > 0 ? layout.bgBlur * 1.5 + 2 : 0));
    if (crop) front.push({ canvas: crop.canvas, x: crop.x - fg.m.x, y: crop.y - fg.m.y, parallax: PARALLAX.fg, zoomShare: ZOOM_SHARE.fg, travels: false });
  }
  if (layout.insert) {
    const { canvas, ctx } = makeCanvas(W, H);
    drawProp(ctx, spec, figureGrade, W, H);
    const crop = cropToContent(canvas);
    if (crop) front.unshift({ canvas: crop.canvas, x: crop.x, y: crop.y, parallax: 1, zoomShare: 1, travels: true });
  }

  const bar = letterboxBar(spec.look.aspect, W, H);
  const overlay = makeOverlay(spec.look, W, H);
  const grain = makeGrain(spec.look.grain, spec.seed);
  return {
    spec,
    layout,
    camera,
    grade,
    figureGrade,
    walking,
    behind,
    figures,
    front,
    weather: makeWeather(spec.place.weather, inside, grade, spec.place.seed, spec.frames, W, H),
    overlay,
    grain,
    finish: makeFinish(grain, overlay, W, H),
    captions: makeCaptions(spec, bar),
    letterbox: bar,
  };
}
