/**
 * Fill a ComfyUI workflow template (API format: { nodeId: { class_type, inputs, _meta } }) for one
 * shot. Placeholders are strings such as "{{seed}}": a value that is exactly one placeholder takes the
 * value with its type (a number stays a number); a placeholder inside longer text is replaced as text.
 * The template is a parsed object and stays one: nothing is spliced into JSON text.
 *
 * A placeholder with no value (no first frame for the first shot of a scene, a character without a
 * reference) removes the node that holds it; then every link to a removed node is dropped where the
 * node lists that input in `_meta.auteur_optional_inputs`, and otherwise removes the linking node too.
 * A template thus runs as image-to-video when a first frame is given and as text-to-video when not.
 */
import { AuteurError } from "../../errors";

export type WorkflowValue = string | number | boolean;
export type WorkflowValues = Record<string, WorkflowValue | undefined>;

export interface WorkflowNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string; auteur_optional_inputs?: string[]; [k: string]: unknown };
}
export type Workflow = Record<string, WorkflowNode>;

const WHOLE = /^\{\{([a-z0-9_]+)\}\}$/;
const INLINE = /\{\{([a-z0-9_]+)\}\}/g;

/** Every placeholder name the template uses. */
export function workflowPlaceholders(workflow: Workflow): Set<string> {
  const names = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string") for (const m of v.matchAll(INLINE)) names.add(m[1]!);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  for (const node of Object.values(workflow)) visit(node.inputs);
  return names;
}

export function assertWorkflow(value: unknown, source = "workflow"): Workflow {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new AuteurError("invalid_input", `${source}: a ComfyUI workflow must be a JSON object of nodes (API format)`);
  for (const [id, node] of Object.entries(value as Record<string, unknown>)) {
    const n = node as Partial<WorkflowNode> | null;
    if (!n || typeof n !== "object" || typeof n.class_type !== "string" || !n.inputs || typeof n.inputs !== "object")
      throw new AuteurError("invalid_input", `${source}: node "${id}" needs class_type and inputs (export the workflow with "Save (API Format)")`);
  }
  return value as Workflow;
}

function fillValue(v: unknown, values: WorkflowValues, missing: Set<string>): unknown {
  if (typeof v === "string") {
    const whole = WHOLE.exec(v);
    if (whole) {
      const value = values[whole[1]!];
      if (value === undefined) missing.add(whole[1]!);
      return value;
    }
    return v.replace(INLINE, (_, name: string) => {
      const value = values[name];
      if (value === undefined) {
        missing.add(name);
        return "";
      }
      return String(value);
    });
  }
  if (Array.isArray(v)) return v.map((x) => fillValue(x, values, missing));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillValue(x, values, missing)]));
  return v;
}

function isLink(v: unknown): v is [string, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "number";
}

export function fillWorkflow(template: Workflow, values: WorkflowValues): Workflow {
  const out: Workflow = {};
  const removed = new Set<string>();
  for (const [id, node] of Object.entries(template)) {
    const missing = new Set<string>();
    const inputs = fillValue(node.inputs, values, missing) as Record<string, unknown>;
    if (missing.size) removed.add(id);
    else out[id] = { ...node, inputs, ...(node._meta ? { _meta: structuredClone(node._meta) } : {}) };
  }
  // Drop links to removed nodes; a node that needed one goes too (until nothing changes).
  let changed = removed.size > 0;
  while (changed) {
    changed = false;
    for (const [id, node] of Object.entries(out)) {
      const optional = new Set(node._meta?.auteur_optional_inputs ?? []);
      for (const [name, v] of Object.entries(node.inputs)) {
        if (!isLink(v) || !removed.has(v[0])) continue;
        if (optional.has(name)) delete node.inputs[name];
        else {
          delete out[id];
          removed.add(id);
          changed = true;
          break;
        }
      }
    }
  }
  if (!Object.values(out).some((n) => n.class_type.startsWith("Save") || n.class_type.includes("VideoCombine")))
    throw new AuteurError("invalid_input", "The ComfyUI workflow has no output node left (a Save... or VideoCombine node) after filling it");
  return out;
}
