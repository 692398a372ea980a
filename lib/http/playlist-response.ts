/**
 * An HLS playlist answer. A growing playlist must not be cached (players reload it to find new
 * segments); a finished one (it has #EXT-X-ENDLIST) may be.
 */
export function playlistResponse(playlist: string): Response {
  const finished = playlist.includes("#EXT-X-ENDLIST");
  return new Response(playlist, {
    headers: {
      "Content-Type": "application/vnd.apple.mpegurl",
      "Cache-Control": finished ? "private, max-age=60" : "no-store",
    },
  });
}
