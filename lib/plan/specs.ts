/**
 * RenderPlan specs: what each stage of work is given. They are plain data (JSON), made by the pure
 * planner from a Cut and the measured speech, and each has a content key = hash of everything its
 * output depends on. The workers' stages take exactly these and nothing else.
 */
import type {
  CameraMove,
  Character,
  Delivery,
  Framing,
  Identity,
  LocationKind,
  Look,
  Music,
  SoundCueKind,
  TimeOfDay,
  Voice,
  Weather,
} from "../screenplay/schema";

/** The one segment format: every shot's segment has these parameters, so segments join by stream copy. */
export const FILM_FORMAT = {
  width: 1280,
  height: 720,
  fps: 24,
  sampleRate: 48_000,
} as const;

export interface ProviderRef {
  name: string;
  version: string;
}

/** speak-line: one line in its speaker's locked voice. Output: `speech.wav` (mono) + SpeechMeta. */
export interface VoiceSpec {
  stage: "speak-line";
  key: string;
  lineId: string;
  speaker: string;
  text: string;
  delivery: Delivery;
  voice: Voice;
  provider: ProviderRef;
}

/** What speak-line reports about the audio it made (stored with the asset). */
export interface SpeechMeta {
  durationSec: number;
  sampleRate: number;
  /** Loudness envelope, one value (0..1) per film frame (1/24 s): drives the mouth. */
  envelope: number[];
  /** Where the voice starts in the file (seconds): the first 5 ms above -40 dBFS. */
  onsetSec?: number;
  /** Word timings in seconds from the start of the file (best effort from the synthesizer). */
  words: { text: string; start: number; end: number }[];
}

export interface PlaceSpec {
  name: string;
  kind: LocationKind;
  interior: boolean;
  timeOfDay: TimeOfDay;
  weather: Weather;
  mood: string;
  /** Same for every shot of a scene, so the scene is one place. */
  seed: number;
}

export interface CharacterLook {
  id: string;
  name: string;
  identity: Identity;
  /** Left-to-right slot in frame (0..count-1), kept across a dialogue (180-degree rule). */
  slot: number;
}

/** A line as placed in a shot: where it is spoken (seconds from the shot's start) and how loud the mouth opens. */
export interface PlacedLine {
  lineId: string;
  speaker: string;
  text: string;
  delivery: Delivery;
  startSec: number;
  endSec: number;
  /** Where the voice starts inside the speech file (seconds): subtitles appear then. */
  onsetSec?: number;
  /** Per-frame mouth openness (0..1) for the line, from the speech envelope. */
  envelope: number[];
  /** Content key of the speech asset. */
  speechKey: string;
}

/** render-shot: the picture of one shot. Output: `video.mp4` (H.264 only, FILM_FORMAT, `frames` frames). */
export interface ShotSpec {
  stage: "render-shot";
  key: string;
  shotId: string;
  sceneId: string;
  /** Position in the film (0-based). */
  index: number;
  seed: number;
  take: number;
  frames: number;
  fps: number;
  width: number;
  height: number;
  framing: Framing;
  camera: { move: CameraMove; lens: number };
  action: string;
  place: PlaceSpec;
  look: Look;
  characters: CharacterLook[];
  lines: PlacedLine[];
  transitionIn: "cut" | "fade-from-black" | "dissolve";
  transitionOut: "cut" | "fade-to-black";
  /** Draw the spoken text as captions into the picture. */
  captions: boolean;
  /** When set, draw a clearly marked placeholder card instead of the shot (a failed render). */
  placeholder?: { reason: string };
  /**
   * Scene chain (providers that accept a first frame): the content key of the previous shot's render,
   * whose last frame (`last.png` in that asset) this shot starts from.
   */
  continuesFrom?: string;
  provider: ProviderRef;
}

/** score-scene: music and ambience under a whole scene. Output: `bed.wav`, 4 channels: music L/R, ambience L/R. */
export interface SoundSpec {
  stage: "score-scene";
  key: string;
  sceneId: string;
  durationSec: number;
  /** Boundaries of the scene's shots (seconds from scene start), for phrasing and hits. */
  shotStarts: number[];
  /**
   * The bars that hold dialogue (seconds from scene start, whole bars of the scene's tempo), so the
   * melody rests under it. Whole bars: a line spoken again a little faster or slower keeps the same bed.
   * (The ducking under the words is done per shot, in mix-shot.)
   */
  speech: { start: number; end: number }[];
  music: Music;
  mood: string;
  /** 0..1: how much the music pushes. */
  intensity: number;
  place: PlaceSpec;
  seed: number;
  provider: ProviderRef;
}

export interface PlacedCue {
  kind: SoundCueKind;
  atSec: number;
  gain: number;
}

/**
 * mix-shot: the shot's sound, and the segment. Outputs: `stems.wav` (6 channels: dialogue L/R,
 * music L/R, effects L/R; exactly frames/fps seconds) and `segment.mp4` (the shot's video stream copied,
 * with the stereo mix as AAC).
 */
export interface MixSpec {
  stage: "mix-shot";
  key: string;
  shotId: string;
  sceneId: string;
  frames: number;
  fps: number;
  sampleRate: number;
  videoKey: string;
  lines: { speechKey: string; startSec: number; speaker: string; delivery: Delivery; pan: number }[];
  bed: { key: string; offsetSec: number };
  /** Dialogue (seconds from the shot's start, this shot's and its neighbours') whose ducking of the music reaches into the shot. */
  duck: { start: number; end: number }[];
  cues: PlacedCue[];
  /** Audio fades matching the picture's transitions. */
  fadeInSec: number;
  fadeOutSec: number;
  /** Overlap with the previous/next shot of the same scene is continuous (same bed). */
  provider: ProviderRef;
}

export interface Chapter {
  title: string;
  startSec: number;
  endSec: number;
}

export interface SubtitleCue {
  startSec: number;
  endSec: number;
  speaker: string;
  text: string;
}

/** stitch-cut: the film. Outputs: `film.mp4` (video stream-copied, one continuous audio track, chapters, subtitle track), `film.vtt`, `film.srt`, stems. */
export interface StitchSpec {
  stage: "stitch-cut";
  key: string;
  title: string;
  segments: { shotId: string; mixKey: string; frames: number }[];
  chapters: Chapter[];
  subtitles: SubtitleCue[];
  fps: number;
  sampleRate: number;
  /** Integrated loudness target (LUFS) and true-peak ceiling (dBTP). */
  loudness: { integrated: number; truePeak: number };
  provider: ProviderRef;
}

/** What mix-shot reports (stored with the asset): the stitch joins and normalises from these, without reading the audio. */
export interface MixMeta {
  durationSec: number;
  peak: number;
  /** sha256 of the stems' samples: a new picture with the same sound has the same hash. */
  stemsHash: string;
  /** Samples in the stems (frames / fps * sampleRate). */
  samples: number;
  /** BS.1770 K-weighted mean square of the stereo mix per 100 ms from the shot's start (the last may be shorter). */
  loudnessBlocks: number[];
  /** True peak of the stereo mix (linear, 4x oversampled). */
  truePeak: number;
}

/**
 * film-audio: one scene's stretch of the film's normalised audio, made inside the stitch and kept as a
 * cached asset: its dialogue, music and effects stems (raw 16-bit stereo, exactly the scene) and its
 * AAC frames on the film's frame grid (ADTS), so a new cut re-makes only the scenes whose sound changed.
 * All positions are in samples; `pieces` are the segments read (by their stems' hash), `from`/`to`
 * the stretch read relative to the first piece's start (outside the film: silence).
 */
export interface FilmAudioSpec {
  stage: "film-audio";
  key: string;
  gainDb: number;
  /** True-peak ceiling (dBTP) when the limiter is needed in this stretch, else null. */
  ceilingDb: number | null;
  pieces: { mixKey: string; stemsHash: string; samples: number }[];
  /** Read [from, to) of the pieces joined; the limiter starts at `from`. */
  from: number;
  to: number;
  /** The scene's own samples, for the stems: [sceneFrom, sceneTo). */
  sceneFrom: number;
  sceneTo: number;
  /** AAC: encoding starts at `aacFrom` (a multiple of 1024 from the film's start, possibly before it); frames [keepFrom, keepTo) of that encode are kept. */
  aacFrom: number;
  keepFrom: number;
  keepTo: number;
  /** Where the film starts and ends on the same axis (silence outside). */
  filmFrom: number;
  filmTo: number;
  sampleRate: number;
  provider: ProviderRef;
}

export type StageSpec = VoiceSpec | ShotSpec | SoundSpec | MixSpec | StitchSpec;
export type Stage = StageSpec["stage"];

/** A character as the planner passes it around (handy for renderers and voices). */
export type CharacterBrief = Pick<Character, "id" | "name" | "identity" | "voice">;
