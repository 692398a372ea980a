/** Burnt-in captions: the current line with its speaker's name, made once per line, drawn while it is spoken. */
import type { Canvas } from "@napi-rs/canvas";
import type { PlacedLine, ShotSpec } from "../plan/specs";
import { makeCanvas } from "./canvas-util";
import { font, wrapText } from "./text";

export interface Caption {
  canvas: Canvas;
  x: number;
  y: number;
}

export function makeCaption(line: PlacedLine, speakerName: string, width: number, height: number, bottomBar: number): Caption {
  const probe = makeCanvas(1, 1).ctx;
  let size = 30;
  let lines: string[] = [];
  const maxW = width * 0.72;
  for (; size >= 18; size -= 2) {
    probe.font = font(size);
    lines = wrapText(probe, `${speakerName}: ${line.text}`, maxW);
    if (lines.length <= 2) break;
  }
  const lh = Math.round(size * 1.3);
  probe.font = font(size);
  const textW = Math.max(...lines.map((l) => probe.measureText(l).width));
  const padX = 18;
  const padY = 10;
  const w = Math.ceil(textW + padX * 2);
  const h = Math.ceil(lines.length * lh + padY * 2);
  const { canvas, ctx } = makeCanvas(w, h);
  ctx.fillStyle = "rgba(0,0,0,0.62)";
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, 10);
  ctx.fill();
  ctx.textBaseline = "top";
  const nameText = `${speakerName}:`;
  lines.forEach((l, i) => {
    const y = padY + i * lh + (lh - size) / 2;
    ctx.font = font(size);
    if (i === 0 && l.startsWith(nameText)) {
      ctx.font = font(size, "bold");
      ctx.fillStyle = "#ffd98a";
      ctx.fillText(nameText, padX, y);
      const nw = ctx.measureText(nameText + " ").width;
      ctx.font = font(size);
      ctx.fillStyle = "#ffffff";
      ctx.fillText(l.slice(nameText.length + 1), padX + nw, y);
    } else {
      ctx.fillStyle = "#ffffff";
      ctx.fillText(l, padX, y);
    }
  });
  const y = height - Math.max(bottomBar, 0) - h - Math.round(height * 0.045);
  return { canvas, x: Math.round((width - w) / 2), y: Math.max(0, y) };
}

export function makeCaptions(spec: ShotSpec, bottomBar: number): Map<string, Caption> {
  const names = new Map(spec.characters.map((c) => [c.id, c.name]));
  const out = new Map<string, Caption>();
  if (!spec.captions) return out;
  for (const l of spec.lines) out.set(l.lineId, makeCaption(l, names.get(l.speaker) ?? l.speaker, spec.width, spec.height, bottomBar));
  return out;
}
