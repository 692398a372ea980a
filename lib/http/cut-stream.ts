/**
 * The answers of a cut's streaming reads: its HLS playlist and its segments, for its owner
 * (/api/cuts/<cutId>/...) or for anyone with a share link (/api/s/<token>/...). The hottest reads of the
 * service (players reload the playlist every few seconds and fetch a segment as playback reaches it),
 * answered the same way by the Next.js routes and by the server's direct path (./fast-reads).
 */
import { AuteurError } from "../errors";
import { getCutPlaylist, getCutSegment } from "../film/playlist";
import { resolveShare, sharedUrls } from "../film/share";
import { currentOwner } from "./current-owner";
import { errorResponse } from "./error-response";
import { fileResponse, type FileToServe } from "./file-response";
import { parseSegmentName } from "./parse-segment-name";
import { playlistResponse } from "./playlist-response";

/** What these answers read of a request: who asks (headers, url, method) and the byte range. */
export interface RequestLike {
  headers: Headers;
  url?: string;
  method?: string;
}

/** The owner's cut, or the cut a share link shows. */
export type CutStreamTarget = { cutId: string } | { token: string };

/** The owner and cut to read, and where the playlist points for segments (the share's own URLs). */
async function resolveTarget(request: RequestLike, target: CutStreamTarget): Promise<{ ownerId: string; cutId: string; segmentUrl?: (index: number) => string }> {
  if ("token" in target) {
    const share = await resolveShare({ token: target.token });
    return { ownerId: share.ownerId, cutId: share.cutId, segmentUrl: sharedUrls(target.token).segment };
  }
  const owner = await currentOwner(request);
  return { ownerId: owner.id, cutId: target.cutId };
}

/** HLS playlist of the cut: the segments rendered so far, in film order; ends once the cut is complete. */
export async function cutPlaylistAnswer(request: RequestLike, target: CutStreamTarget): Promise<Response> {
  try {
    return playlistResponse(await getCutPlaylist(await resolveTarget(request, target)));
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * One segment of the cut's playlist: `<index>.ts` (MPEG-TS, timed to its place in the film) or `<index>.mp4`
 * (fragmented MP4 from zero, for Media Source Extensions); a stream copy of the shot's segment either way.
 */
export async function cutSegmentAnswer(request: RequestLike, target: CutStreamTarget, name: string): Promise<Response> {
  try {
    return fileResponse(request, await cutSegmentFile(request, target, name), { headOnly: request.method?.toUpperCase() === "HEAD" });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The segment's file; throws (unauthorized, not found) as the answer would say. */
export async function cutSegmentFile(request: RequestLike, target: CutStreamTarget, name: string): Promise<FileToServe> {
  // The owner is asked for first (401 before anything else); a share link's name is checked before its lookup.
  const owner = "cutId" in target ? await currentOwner(request) : undefined;
  const segment = parseSegmentName(name);
  if (!segment) throw new AuteurError("not_found", "No such segment.");
  const { ownerId, cutId } = owner && "cutId" in target ? { ownerId: owner.id, cutId: target.cutId } : await resolveTarget(request, target);
  return getCutSegment({ ownerId, cutId, index: segment.index, format: segment.format });
}
