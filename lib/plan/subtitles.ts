import type { SubtitleCue } from "./specs";

/** Subtitle conventions (FILM-CRAFT.md): at most 2 lines of about 42 characters, cues up to 7 s. */
export const SUBTITLE_RULES = { maxLineChars: 42, maxLines: 2, maxCueSec: 7, minCueSec: 0.8 } as const;

/** Break text into lines of at most `width` characters at word boundaries (a long word is cut). */
export function wrapText(text: string, width: number = SUBTITLE_RULES.maxLineChars): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (let word of words) {
    while (word.length > width) {
      if (current) {
        lines.push(current);
        current = "";
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Cues for one spoken line from `start` to `end` (seconds in the film): one cue when the text fits in
 * two lines, otherwise consecutive cues of two lines each, timed in proportion to their length.
 * `limit` is the latest time a cue may end (the end of the shot), so cues never span a cut.
 */
export function cuesForLine(text: string, speaker: string, start: number, end: number, limit: number): SubtitleCue[] {
  const lines = wrapText(text.trim());
  if (lines.length === 0) return [];
  const groups: string[][] = [];
  for (let i = 0; i < lines.length; i += SUBTITLE_RULES.maxLines) groups.push(lines.slice(i, i + SUBTITLE_RULES.maxLines));
  const total = groups.reduce((n, g) => n + g.join(" ").length, 0);
  const speaking = Math.max(end - start, 0.1);
  const cues: SubtitleCue[] = [];
  let t = start;
  groups.forEach((g, i) => {
    const share = g.join(" ").length / total;
    const last = i === groups.length - 1;
    const cueStart = t;
    let cueEnd = last ? end : t + speaking * share;
    // Let the last cue stay up a little longer to be read, but not past the cut.
    if (last) cueEnd = Math.min(Math.max(cueEnd + 0.3, cueStart + SUBTITLE_RULES.minCueSec), limit);
    cues.push({ startSec: round3(cueStart), endSec: round3(Math.max(cueEnd, cueStart + 0.1)), speaker, text: g.join("\n") });
    t = cueStart + speaking * share;
  });
  return cues;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function timestamp(sec: number, sep: "." | ","): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const r = ms % 1000;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(r, 3)}`;
}

/** Escape text for WebVTT/SRT so it shows literally (no markup from the screenplay is interpreted). */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/-->/g, "--&gt;");
}

export function toWebVtt(cues: SubtitleCue[]): string {
  const body = cues
    .map((c, i) => {
      const speaker = escapeCueText(c.speaker).replace(/\s+/g, " ");
      const text = c.text
        .split("\n")
        .map((line, j) => (j === 0 ? `<v ${speaker}>${escapeCueText(line)}` : escapeCueText(line)))
        .join("\n");
      return `${i + 1}\n${timestamp(c.startSec, ".")} --> ${timestamp(c.endSec, ".")}\n${text}`;
    })
    .join("\n\n");
  return `WEBVTT\n\n${body}\n`;
}

/** An invisible character that splits a markup sequence without changing what is shown. */
const WORD_JOINER = "\u2060";

/**
 * SRT has no escapes, and players read `<i>`-style tags and `{\an8}`-style overrides in it: a word joiner
 * after each `<` and `{` (and between `\` and a letter) keeps the text as typed, shown literally.
 */
export function defuseSrtText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[<{]/g, (c) => c + WORD_JOINER).replace(/\\(?=[A-Za-z])/g, `\\${WORD_JOINER}`);
}

/**
 * The same for ASS event text (the mp4 subtitle track is made from it): `{` starts an override block and
 * `\N`, `\n`, `\h` are breaks and spaces; nothing else is markup there.
 */
export function defuseAssText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\{/g, `{${WORD_JOINER}`).replace(/\\(?=[A-Za-z])/g, `\\${WORD_JOINER}`);
}

/** SRT (film.srt): the speaker's name starts the cue, as players show no voice spans. */
export function toSrt(cues: SubtitleCue[]): string {
  return (
    cues
      .map((c, i) => {
        const lines = c.text.split("\n");
        lines[0] = `${c.speaker.replace(/\s+/g, " ")}: ${lines[0]}`;
        return `${i + 1}\n${timestamp(c.startSec, ",")} --> ${timestamp(c.endSec, ",")}\n${lines.map(defuseSrtText).join("\n")}`;
      })
      .join("\n\n") + "\n"
  );
}

function assTime(sec: number): string {
  const cs = Math.max(0, Math.round(sec * 100));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${h}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/**
 * ASS for ffmpeg to make the mp4's mov_text track from: its decoder passes event text through as it is
 * (the SRT and WebVTT decoders interpret tags and entities), so the track shows exactly the words spoken.
 */
export function toAss(cues: SubtitleCue[]): string {
  const head = [
    "[Script Info]",
    "ScriptType: v4.00+",
    "PlayResX: 1920",
    "PlayResY: 1080",
    "",
    "[V4+ Styles]",
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
    "Style: Default,Arial,54,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,0,2,60,60,50,1",
    "",
    "[Events]",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
  ];
  const events = cues.map((c) => {
    const lines = c.text.split("\n");
    lines[0] = `${c.speaker.replace(/\s+/g, " ")}: ${lines[0]}`;
    return `Dialogue: 0,${assTime(c.startSec)},${assTime(c.endSec)},Default,,0,0,0,,${lines.map(defuseAssText).join("\\N")}`;
  });
  return `${[...head, ...events].join("\n")}\n`;
}
