import { describe, expect, it } from "vitest";
import { cuesForLine, escapeCueText, SUBTITLE_RULES, toSrt, toWebVtt, wrapText } from "../../../lib/plan/subtitles";

describe("subtitles", () => {
  it("wraps at word boundaries within 42 characters", () => {
    const lines = wrapText("The mule was gone before the sun came up over the ridge, and nobody in this town saw a thing.");
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(SUBTITLE_RULES.maxLineChars);
    expect(lines.join(" ")).toBe("The mule was gone before the sun came up over the ridge, and nobody in this town saw a thing.");
  });

  it("splits a long line into cues of at most two lines that stay inside the shot", () => {
    const text = "I rode with your father for twenty years, and I never once saw him run from a fight, not once, not even when the whole county came for him.";
    const cues = cuesForLine(text, "Ada", 10, 17, 17.5);
    expect(cues.length).toBeGreaterThan(1);
    for (const c of cues) {
      expect(c.text.split("\n").length).toBeLessThanOrEqual(2);
      expect(c.endSec).toBeLessThanOrEqual(17.5);
      expect(c.speaker).toBe("Ada");
    }
    expect(cues[0]!.startSec).toBe(10);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startSec).toBeGreaterThanOrEqual(cues[i - 1]!.startSec);
  });

  it("writes WebVTT with voice spans and shows markup literally", () => {
    const vtt = toWebVtt([{ startSec: 1.5, endSec: 3.25, speaker: "Tom", text: "<b>Run</b> & hide --> now" }]);
    expect(vtt).toContain("WEBVTT");
    expect(vtt).toContain("00:00:01.500 --> 00:00:03.250");
    expect(vtt).toContain("<v Tom>&lt;b&gt;Run&lt;/b&gt; &amp; hide --&gt; now");
    expect(escapeCueText("<script>")).toBe("&lt;script&gt;");
  });

  it("writes SRT with the speaker named", () => {
    const srt = toSrt([{ startSec: 61, endSec: 62.5, speaker: "Ada", text: "Easy now." }]);
    expect(srt).toBe("1\n00:01:01,000 --> 00:01:02,500\nAda: Easy now.\n");
  });
});
