import { describe, expect, it } from "vitest";
import { defuseAssText, defuseSrtText, toAss, toSrt } from "../../../lib/plan/subtitles";

const WJ = "\u2060";

describe("subtitle text that looks like markup", () => {
  it("SRT: tags and overrides are split by an invisible word joiner, nothing else changes", () => {
    expect(defuseSrtText("<i>hi</i> {\\an8} a\\Nb & &lt; 3 < 4")).toBe(`<${WJ}i>hi<${WJ}/i> {${WJ}\\${WJ}an8} a\\${WJ}Nb & &lt; 3 <${WJ} 4`);
    expect(defuseSrtText("$(id); rm -rf / ../../etc/passwd [0:v]")).toBe("$(id); rm -rf / ../../etc/passwd [0:v]");
  });

  it("ASS: override blocks and \\N breaks are defused; tags and entities stay as typed", () => {
    expect(defuseAssText("{\\b1}x{y} \\n \\N \\h <b>&amp;")).toBe(`{${WJ}\\${WJ}b1}x{${WJ}y} \\${WJ}n \\${WJ}N \\${WJ}h <b>&amp;`);
  });

  it("a line break inside a name or a line cannot start a new cue or a new event", () => {
    const cue = { startSec: 1, endSec: 2.5, speaker: "Ada\n\n2\n00:00:00,000 --> 00:00:09,000", text: "one\r\n\r\ntwo" };
    const srt = toSrt([cue]);
    expect(srt.split("\n\n").filter(Boolean)).toHaveLength(1);
    const ass = toAss([cue]);
    expect(ass.split("\n").filter((l) => l.startsWith("Dialogue:"))).toHaveLength(1);
    expect(ass).toContain("Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Ada 2 00:00:00,000 --> 00:00:09,000: one");
  });

  it("ASS keeps the cue's own wrap as \\N", () => {
    expect(toAss([{ startSec: 0, endSec: 1, speaker: "Tom", text: "first line\nsecond line" }])).toContain(",,Tom: first line\\Nsecond line\n");
  });
});
