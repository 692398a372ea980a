import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { comfyClipFrames, comfyValues, findOutputFile } from "../../../lib/providers/video/comfyui";
import { assertWorkflow, fillWorkflow, workflowPlaceholders, type Workflow } from "../../../lib/providers/video/fill-workflow";
import { DEFAULT_COMFYUI_WORKFLOW } from "../../../lib/providers/select";
import { providerShotSpec } from "./make-spec";

const template = (): Workflow => assertWorkflow(JSON.parse(fs.readFileSync(DEFAULT_COMFYUI_WORKFLOW, "utf8")));

describe("fillWorkflow", () => {
  it("fills placeholders with typed values and keeps text as text, whatever it holds", () => {
    const tricky = 'a "quoted" prompt with {braces}, \\ backslashes and "}, "x": {"class_type": "Evil"';
    const out = fillWorkflow(template(), { prompt: tricky, negative_prompt: "blurry", seed: 7, width: 1280, height: 704, length: 49, fps: 24, filename_prefix: "auteur/s1", first_frame: "in/first.png" });
    expect(out["5"]!.inputs.text).toBe(tricky);
    expect(out["9"]!.inputs.seed).toBe(7);
    expect(out["8"]!.inputs).toMatchObject({ width: 1280, height: 704, length: 49, start_image: ["7", 0] });
    expect(out["7"]!.inputs.image).toBe("in/first.png");
    expect(Object.values(out).some((n) => n.class_type === "Evil")).toBe(false);
    // The template itself is untouched.
    expect(template()["9"]!.inputs.seed).toBe("{{seed}}");
  });

  it("runs as text-to-video without a first frame: the image loader and its optional link go", () => {
    const out = fillWorkflow(template(), { prompt: "p", negative_prompt: "n", seed: 1, width: 1280, height: 704, length: 49, fps: 24, filename_prefix: "x" });
    expect(out["7"]).toBeUndefined();
    expect(out["8"]!.inputs.start_image).toBeUndefined();
    expect(out["12"]!.class_type).toBe("SaveVideo");
  });

  it("replaces placeholders inside longer text and removes nodes that needed a missing value", () => {
    const wf: Workflow = {
      "1": { class_type: "LoadImage", inputs: { image: "{{reference_image}}" } },
      "2": { class_type: "RefEncode", inputs: { image: ["1", 0] } },
      "3": { class_type: "Sampler", inputs: { prompt: "shot {{shot}}: {{prompt}}", ref: ["2", 0] }, _meta: { auteur_optional_inputs: ["ref"] } },
      "4": { class_type: "SaveVideo", inputs: { video: ["3", 0] } },
    };
    const out = fillWorkflow(wf, { shot: "s1", prompt: "rain" });
    expect(Object.keys(out)).toEqual(["3", "4"]);
    expect(out["3"]!.inputs).toEqual({ prompt: "shot s1: rain" });
    expect(workflowPlaceholders(wf)).toEqual(new Set(["reference_image", "shot", "prompt"]));
    expect(() => fillWorkflow({ "1": { class_type: "Sampler", inputs: { x: "{{missing}}" } }, "2": { class_type: "SaveVideo", inputs: { v: ["1", 0] } } }, {})).toThrow(/no output node/);
  });

  it("refuses a workflow that is not in API format", () => {
    expect(() => assertWorkflow({ nodes: [], links: [] }, "ui.json")).toThrow(/Save \(API Format\)/);
    expect(() => assertWorkflow([], "x")).toThrow(/JSON object of nodes/);
  });
});

describe("comfyValues", () => {
  it("asks a Wan model for 4n+1 frames at a size it can make, with the take's seed", () => {
    const v = comfyValues(providerShotSpec({ frames: 72 }), { seed: 99, references: ["ref-a.png", "ref-b.png"] }, 121);
    expect(v).toMatchObject({ seed: 99, width: 1280, height: 704, length: 73, fps: 24, reference_image: "ref-a.png", reference_image_2: "ref-b.png" });
    expect(v.first_frame).toBeUndefined();
    expect(String(v.prompt)).toContain("Mira hands Jonas the map");
    expect(comfyClipFrames(500, 121)).toBe(121);
    expect(comfyClipFrames(1, 121)).toBe(5);
    expect(comfyClipFrames(48, 121)).toBe(49);
  });

  it("finds the saved video among a finished prompt's outputs", () => {
    expect(findOutputFile({ outputs: { "9": { images: [{ filename: "preview.png" }] }, "12": { images: [{ filename: "clip_00001_.mp4", subfolder: "auteur", type: "output" }], animated: [true] } } })).toEqual({
      filename: "clip_00001_.mp4",
      subfolder: "auteur",
      type: "output",
    });
    expect(findOutputFile({ outputs: { "9": { gifs: [{ filename: "v.webm" }] } } })?.filename).toBe("v.webm");
    expect(findOutputFile({ outputs: {} })).toBeUndefined();
  });
});
