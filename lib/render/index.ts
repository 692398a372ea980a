/** The built-in animatic renderer (the default video provider). */
export { renderShot, type RenderShotOptions, type RenderShotResult } from "./render-shot";
export { renderPoster, posterImage, POSTER_FILE } from "./render-poster";
export { prepareShot, type PreparedShot } from "./prepare-shot";
export { drawFrame } from "./draw-frame";
export { layoutShot, figureBox, type ShotLayout, type FigurePlacement } from "./shot-layout";
export { letterboxBar } from "./overlays";
