/**
 * One frame of a prepared shot: compose the static layers with the camera of this frame, draw the
 * faces (mouths from the speech envelope, expressions, blinks), then weather, vignette/letterbox,
 * grain, captions and fades. Deterministic: the output depends only on (shot, frame).
 */
import type { CameraState } from "./camera-path";
import { drawFace } from "./character/draw-face";
import { blinkAt, faceStateAt, lineAt } from "./expression";
import { fadeAlpha, finishIndex } from "./overlays";
import { poseAt, REST } from "./pose";
import type { Ctx } from "./places/place-context";
import type { PreparedLayer, PreparedShot } from "./prepare-shot";
import { drawWeather } from "./weather";

/** The transform from a layer's rest coordinates to the screen for this frame's camera. */
export function layerTransform(cam: CameraState, layer: Pick<PreparedLayer, "parallax" | "zoomShare" | "travels">, focus: { x: number; y: number }, W: number, H: number): [number, number, number, number, number, number] {
  const offX = cam.panX + (layer.travels ? 0 : cam.trackX * layer.parallax);
  const offY = cam.panY + cam.craneY * layer.parallax;
  const z = 1 + (cam.zoom - 1) * layer.zoomShare;
  // s = z * (q - off - c) + c
  let a = z;
  let b = 0;
  let c = 0;
  let d = z;
  let e = focus.x - z * (offX + focus.x);
  let f = focus.y - z * (offY + focus.y);
  if (z === 1 && cam.roll === 0) {
    // A pure shift: whole pixels keep skia on its plain copy path (no filtering), several times faster.
    e = Math.round(e);
    f = Math.round(f);
  }
  if (cam.roll !== 0) {
    const cos = Math.cos(cam.roll);
    const sin = Math.sin(cam.roll);
    const cx = W / 2;
    const cy = H / 2;
    // R about the frame centre, applied after
    const na = cos * a - sin * b;
    const nb = sin * a + cos * b;
    const nc = cos * c - sin * d;
    const nd = sin * c + cos * d;
    const ex = e - cx;
    const fy = f - cy;
    const ne = cos * ex - sin * fy + cx;
    const nf = sin * ex + cos * fy + cy;
    a = na;
    b = nb;
    c = nc;
    d = nd;
    e = ne;
    f = nf;
  }
  return [a, b, c, d, e, f];
}

function drawLayer(ctx: Ctx, shot: PreparedShot, cam: CameraState, layer: PreparedLayer): void {
  const m = layerTransform(cam, layer, shot.layout.focus, shot.spec.width, shot.spec.height);
  ctx.setTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
  ctx.drawImage(layer.canvas, layer.x, layer.y);
}

export function drawFrame(ctx: Ctx, shot: PreparedShot, frame: number): void {
  const { spec } = shot;
  const W = spec.width;
  const H = spec.height;
  const cam = shot.camera.at(frame);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = "source-over";
  ctx.fillStyle = "#000000";
  ctx.fillRect(0, 0, W, H);

  for (const layer of shot.behind) drawLayer(ctx, shot, cam, layer);
  for (const fig of shot.figures) {
    const p = fig.placement;
    const s = p.unit * p.character.identity.height;
    // the body in this frame's pose (a gesture with the line, a step of a walk), raised by the walk's bob
    const pose = fig.moves ? poseAt(spec, p, frame, shot.walking) : REST;
    const bob = Math.round(pose.bob * s);
    drawLayer(ctx, shot, cam, pose === REST ? fig : { ...fig, canvas: fig.posed(pose), y: fig.y - bob });
    if (p.back || p.blur > 0) continue;
    const state = faceStateAt(spec, p.id, frame);
    ctx.transform(1, 0, 0, 1, p.x, p.feetY - bob);
    ctx.scale(s, s);
    drawFace(ctx, p.character.identity, shot.figureGrade, {
      mouth: state.mouth,
      expression: state.expression,
      blink: blinkAt(p.character.identity.seed, frame),
      facing: p.facing,
      centre: p.centre,
      t: frame / spec.fps,
    });
  }
  for (const layer of shot.front) drawLayer(ctx, shot, cam, layer);
  ctx.setTransform(1, 0, 0, 1, 0, 0);

  if (shot.weather) drawWeather(ctx, shot.weather, frame, W, H);
  if (shot.finish.length) ctx.drawImage(shot.finish[finishIndex(frame, shot.finish.length)]!, 0, 0);
  if (spec.captions) {
    const line = lineAt(spec, frame);
    const cap = line && shot.captions.get(line.lineId);
    if (cap) ctx.drawImage(cap.canvas, cap.x, cap.y);
  }
  const fade = fadeAlpha(frame, spec.frames, spec.fps, spec.transitionIn, spec.transitionOut);
  if (fade > 0) {
    ctx.globalAlpha = fade;
    ctx.fillStyle = "#000000";
    ctx.fillRect(0, 0, W, H);
    ctx.globalAlpha = 1;
  }
}
