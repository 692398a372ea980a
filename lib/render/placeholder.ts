/** The card drawn instead of a shot that could not be rendered: clearly marked, neutral, with the reason. */
import type { Canvas } from "@napi-rs/canvas";
import type { ShotSpec } from "../plan/specs";
import { makeCanvas } from "./canvas-util";
import { font, wrapText } from "./text";

export function drawPlaceholderCard(spec: ShotSpec, reason: string): Canvas {
  const W = spec.width;
  const H = spec.height;
  const { canvas, ctx } = makeCanvas(W, H);
  const g = ctx.createLinearGradient(0, 0, 0, H);
  g.addColorStop(0, "#3a3d42");
  g.addColorStop(1, "#24262a");
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, H);
  // hazard stripes top and bottom
  for (const y of [0, H - 28]) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, y, W, 28);
    ctx.clip();
    ctx.fillStyle = "#d9a400";
    ctx.fillRect(0, y, W, 28);
    ctx.fillStyle = "#1a1a1a";
    for (let x = -40; x < W + 40; x += 56) {
      ctx.beginPath();
      ctx.moveTo(x, y + 28);
      ctx.lineTo(x + 28, y);
      ctx.lineTo(x + 56, y);
      ctx.lineTo(x + 28, y + 28);
      ctx.fill();
    }
    ctx.restore();
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#f2f2f2";
  ctx.font = font(52, "bold");
  ctx.fillText(`Shot ${spec.index + 1} could not be rendered`, W / 2, H * 0.38);
  ctx.font = font(28);
  ctx.fillStyle = "#d8d8d8";
  const lines = wrapText(ctx, reason || "No reason was given.", W * 0.75).slice(0, 4);
  lines.forEach((l, i) => ctx.fillText(l, W / 2, H * 0.52 + i * 38));
  ctx.font = font(20);
  ctx.fillStyle = "#9a9ea6";
  ctx.fillText(`${spec.shotId} · scene ${spec.sceneId} · ${spec.framing}`, W / 2, H * 0.82);
  return canvas;
}
