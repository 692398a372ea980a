/** The outline of a head by face shape, in body units, centred at (0, cy). */
import type { Identity } from "../../screenplay/schema";
import type { Ctx } from "../places/place-context";

export function headPath(ctx: Ctx, shape: Identity["face"]["shape"], cy: number, rx: number, ry: number): void {
  ctx.beginPath();
  // crown: upper half ellipse
  ctx.ellipse(0, cy, rx, ry, 0, Math.PI, 0);
  const chinY = cy + ry;
  switch (shape) {
    case "square":
      ctx.lineTo(rx, cy + ry * 0.45);
      ctx.quadraticCurveTo(rx * 0.98, chinY * 1 - ry * 0.08, rx * 0.55, chinY - ry * 0.02);
      ctx.lineTo(-rx * 0.55, chinY - ry * 0.02);
      ctx.quadraticCurveTo(-rx * 0.98, chinY - ry * 0.08, -rx, cy + ry * 0.45);
      break;
    case "heart":
      ctx.bezierCurveTo(rx * 1.02, cy + ry * 0.45, rx * 0.45, chinY - ry * 0.1, 0, chinY);
      ctx.bezierCurveTo(-rx * 0.45, chinY - ry * 0.1, -rx * 1.02, cy + ry * 0.45, -rx, cy);
      break;
    case "round":
      ctx.ellipse(0, cy, rx, ry, 0, 0, Math.PI);
      break;
    default:
      ctx.bezierCurveTo(rx * 1.0, cy + ry * 0.6, rx * 0.55, chinY, 0, chinY);
      ctx.bezierCurveTo(-rx * 0.55, chinY, -rx * 1.0, cy + ry * 0.6, -rx, cy);
  }
  ctx.closePath();
}
