/**
 * The queues (one per stage) and their payloads, typed once: the code that enqueues and the workers
 * share these.
 */
import type { QueueOptions } from "pg-boss";
import { env } from "../env";
import type { MixSpec, ShotSpec, SoundSpec, StitchSpec, VoiceSpec } from "../plan/specs";

export const QUEUES = Object.freeze({
  speakLine: "speak-line",
  renderShot: "render-shot",
  scoreScene: "score-scene",
  mixShot: "mix-shot",
  stitchCut: "stitch-cut",
} as const);
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface StagePayloads {
  "speak-line": { cutId: string; spec: VoiceSpec };
  "render-shot": { cutId: string; spec: ShotSpec };
  "score-scene": { cutId: string; spec: SoundSpec };
  "mix-shot": { cutId: string; spec: MixSpec };
  "stitch-cut": { cutId: string; spec: StitchSpec };
}
export type Payload = StagePayloads[QueueName];

/**
 * Retries with backoff; a job whose worker stops sending heartbeats (a dead worker) is retried by
 * another after `heartbeatSeconds` (AUTEUR_JOB_HEARTBEAT_SECONDS, at least 10).
 */
export function queueOptions(name: QueueName, heartbeatSeconds: number = env().jobHeartbeatSeconds): QueueOptions {
  const base: Record<QueueName, QueueOptions> = {
    "speak-line": { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 120 },
    "render-shot": { retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: 900 },
    "score-scene": { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 600 },
    "mix-shot": { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 300 },
    "stitch-cut": { retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: 1800 },
  };
  return { ...base[name], heartbeatSeconds };
}

/** Within one place in the film, the stage that completes a segment goes first; the film's join above all. */
const STAGE_RANK: Record<QueueName, number> = {
  "speak-line": 1,
  "score-scene": 2,
  "render-shot": 3,
  "mix-shot": 4,
  "stitch-cut": 9,
};

/**
 * A job's priority (higher runs first, in the queue and in the worker's CPU pool): by the film position
 * of the shot it serves (a line's shot, a scene's first shot), earlier first, so the opening shot's
 * speech, score, picture and mix come before any work for later shots and the film starts playing
 * while the rest renders. Pure.
 */
export function priorityFor(shotIndex: number, queue: QueueName): number {
  return Math.max(0, 100_000 - Math.max(0, Math.floor(shotIndex))) * 10 + STAGE_RANK[queue];
}
