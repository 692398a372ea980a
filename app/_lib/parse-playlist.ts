/**
 * Reads an HLS media playlist: its segments (address resolved against the playlist's, duration) and
 * whether it has ended. Enough for the Media Source player; not a general HLS parser. Pure.
 */
export interface PlaylistEntry {
  url: string;
  duration: number;
}

export function parsePlaylist(text: string, playlistUrl: string): { segments: PlaylistEntry[]; ended: boolean } {
  const segments: PlaylistEntry[] = [];
  let duration: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("#EXTINF:")) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith("#") && duration !== null && Number.isFinite(duration)) {
      segments.push({ url: new URL(line, new URL(playlistUrl, "http://local.invalid/")).pathname, duration });
      duration = null;
    }
  }
  return { segments, ended: /^#EXT-X-ENDLIST\s*$/m.test(text) };
}

/** The fragmented-MP4 twin of an HLS segment ("…/segments/3.ts" -> "…/segments/3.mp4"). */
export function fragmentedUrl(segmentUrl: string): string {
  return segmentUrl.replace(/\.ts$/, ".mp4");
}
