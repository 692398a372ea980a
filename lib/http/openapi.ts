/**
 * The API described for people and tools (OpenAPI 3.1), by hand. A unit test lists the route files
 * under app/api and checks that every path and method here exists there and the other way round.
 */
const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: object = { type: "object" }) => ({ description, content: json(schema) });
const errors = {
  "400": { description: "The request is not valid.", content: json(ref("Error")) },
  "404": { description: "Not found (or not yours).", content: json(ref("Error")) },
  "409": { description: "Conflicts with the film's state.", content: json(ref("Error")) },
};
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const query = (name: string, description: string, required = false) => ({ name, in: "query", required, description, schema: { type: "string" } });
const body = (schema: object) => ({ required: true, content: json(schema) });
const filmId = path("filmId", "The film's id.");
const cutId = path("cutId", "The cut's id.");
const token = path("token", "The share link's token.");
const segment = path("index", "The segment's position in film order with `.ts` (`0.ts`: MPEG-TS for HLS) or `.mp4` (`0.mp4`: fragmented MP4 from zero, for Media Source Extensions).");
const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: "string", format: "binary" } } } });
const ranged = { "206": { description: "The requested byte range." }, "416": { description: "The range starts past the end." } };

export const openApi = {
  openapi: "3.1.0",
  info: {
    title: "Auteur API",
    version: "0.1.0",
    description: "Type a film idea, get a film: screenplay, character-locked shots, voices, sound, stitched and streamable. Every error answers `{ error: { code, message } }`.",
  },
  paths: {
    "/api/films": {
      get: { summary: "The person's films, newest first.", responses: { "200": ok("Films.", { type: "object", properties: { films: { type: "array", items: ref("FilmSummary") } } }) } },
      post: {
        summary: "Start a film from an idea.",
        description: "Writes the screenplay and queues its render. With `Accept: application/x-ndjson` the answer streams `{type:\"draft\", draft}` lines while the writer works, then `{type:\"done\", filmId, cutId}` or `{type:\"error\", error}`.",
        requestBody: body({ type: "object", required: ["idea"], properties: { idea: { type: "string", maxLength: 4000 } } }),
        responses: {
          "201": ok("The film and its first cut.", ref("Created")),
          "200": { description: "Streamed (NDJSON) when asked for.", content: { "application/x-ndjson": { schema: { type: "string" } } } },
          ...errors,
        },
      },
    },
    "/api/films/{filmId}": {
      get: {
        summary: "A film with its chat, branches, cuts and one cut with its screenplay and render progress.",
        parameters: [filmId, query("cutId", "Show this cut instead of the branch head."), query("branchId", "Show this branch's head (main by default).")],
        responses: { "200": ok("The film view.", ref("FilmView")), ...errors },
      },
      delete: { summary: "Delete the film and free assets nothing else uses.", parameters: [filmId], responses: { "200": ok("What was freed."), ...errors } },
    },
    "/api/films/{filmId}/messages": {
      post: {
        summary: "A chat message that may make a new cut.",
        description: "Messages like \"try an alternate ending\" branch off and keep the original. Sending the same `requestId` again makes no second cut.",
        parameters: [filmId],
        requestBody: body({
          type: "object",
          required: ["message"],
          properties: {
            message: { type: "string" },
            target: { type: "object", required: ["kind", "id"], properties: { kind: { enum: ["shot", "scene", "line", "act"] }, id: { type: "string" } } },
            requestId: { type: "string", maxLength: 100 },
            branchId: { type: "string" },
          },
        }),
        responses: { "201": ok("The new cut (or null), a summary and the branch.", { type: "object", properties: { cutId: { type: ["string", "null"] }, summary: { type: "string" }, branchId: { type: "string" } } }), ...errors },
      },
    },
    "/api/films/{filmId}/undo": {
      post: {
        summary: "Move a branch back to its head's parent cut.",
        parameters: [filmId],
        requestBody: { required: false, content: json({ type: "object", properties: { branchId: { type: "string" } } }) },
        responses: { "200": ok("The branch and the cut it points at now.", ref("BranchHead")), ...errors },
      },
    },
    "/api/films/{filmId}/characters/{characterId}/reference": {
      post: {
        summary: "Lock a character to the person's own picture (PNG, JPEG or WebP, 256-4096 px a side, at most 10 MB); makes a new cut.",
        parameters: [filmId, { name: "characterId", in: "path", required: true, schema: { type: "string" } }, { name: "branchId", in: "query", required: false, schema: { type: "string" } }],
        requestBody: { required: true, content: { "image/png": { schema: { type: "string", format: "binary" } }, "image/jpeg": { schema: { type: "string", format: "binary" } }, "image/webp": { schema: { type: "string", format: "binary" } } } },
        responses: {
          "201": ok("The new cut, a summary, the branch and the stored picture's key.", { type: "object", properties: { cutId: { type: ["string", "null"] }, summary: { type: "string" }, branchId: { type: "string" }, referenceKey: { type: "string" } } }),
          ...errors,
        },
      },
    },
    "/api/films/{filmId}/checkout": {
      post: {
        summary: "Point a branch at any cut of the film.",
        parameters: [filmId],
        requestBody: body({ type: "object", required: ["cutId"], properties: { cutId: { type: "string" }, branchId: { type: "string" } } }),
        responses: { "200": ok("The branch and its head.", ref("BranchHead")), ...errors },
      },
    },
    "/api/films/{filmId}/branches": {
      post: {
        summary: "A new branch from a cut (the main head by default).",
        parameters: [filmId],
        requestBody: { required: false, content: json({ type: "object", properties: { fromCutId: { type: "string" }, name: { type: "string", maxLength: 40 } } }) },
        responses: { "201": ok("The branch.", { type: "object", properties: { branchId: { type: "string" }, name: { type: "string" }, cutId: { type: "string" } } }), ...errors },
      },
    },
    "/api/films/{filmId}/branches/{branchId}": {
      delete: { summary: "Delete a branch; cuts another branch builds on are kept.", parameters: [filmId, path("branchId", "The branch's id.")], responses: { "200": ok("What was freed."), ...errors } },
    },
    "/api/films/{filmId}/compare": {
      get: {
        summary: "What changed between two cuts of the film.",
        parameters: [filmId, query("a", "The earlier cut.", true), query("b", "The later cut.", true)],
        responses: { "200": ok("Scenes, shots and characters added, removed, changed or the same.", ref("CutDiff")), ...errors },
      },
    },
    "/api/films/{filmId}/events": {
      get: {
        summary: "Progress as server-sent events.",
        description: "A `film` event carrying the film view each time it changes (checked about every 500 ms), heartbeat comments in between.",
        parameters: [filmId, query("cutId", "Follow this cut instead of the branch head."), query("branchId", "Follow this branch's head.")],
        responses: { "200": { description: "An event stream.", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors },
      },
    },
    "/api/films/{filmId}/shares": {
      get: { summary: "The film's live read-only links.", parameters: [filmId], responses: { "200": ok("Links.", { type: "object", properties: { shares: { type: "array", items: ref("Share") } } }), ...errors } },
      post: {
        summary: "Make a read-only link to one cut.",
        parameters: [filmId],
        requestBody: { required: false, content: json({ type: "object", properties: { cutId: { type: "string" } } }) },
        responses: { "201": ok("The link.", ref("Share")), ...errors },
      },
    },
    "/api/films/{filmId}/shares/{shareId}": {
      delete: { summary: "Revoke a link.", parameters: [filmId, path("shareId", "The link's id.")], responses: { "200": ok("The revoked link.", ref("Share")), ...errors } },
    },
    "/api/cuts/{cutId}/film.mp4": {
      get: { summary: "The finished film (H.264 + AAC), with byte ranges.", parameters: [cutId], responses: { "200": file("video/mp4", "The film."), ...ranged, ...errors } },
      head: { summary: "The film's size and type.", parameters: [cutId], responses: { "200": { description: "Headers only." }, ...errors } },
    },
    "/api/cuts/{cutId}/film.vtt": {
      get: { summary: "Subtitles (WebVTT).", parameters: [cutId], responses: { "200": file("text/vtt", "Subtitles."), ...errors } },
      head: { summary: "The subtitles' size and type.", parameters: [cutId], responses: { "200": { description: "Headers only." }, ...errors } },
    },
    "/api/cuts/{cutId}/film.srt": {
      get: { summary: "Subtitles (SubRip).", parameters: [cutId], responses: { "200": file("application/x-subrip", "Subtitles."), ...errors } },
      head: { summary: "The subtitles' size and type.", parameters: [cutId], responses: { "200": { description: "Headers only." }, ...errors } },
    },
    "/api/cuts/{cutId}/playlist.m3u8": {
      get: {
        summary: "HLS playlist that grows while the cut renders.",
        description: "Lists, in film order, the shot segments that exist so far (stopping at the first missing one); `#EXT-X-ENDLIST` once the cut is complete.",
        parameters: [cutId],
        responses: { "200": file("application/vnd.apple.mpegurl", "The playlist."), ...errors },
      },
    },
    "/api/cuts/{cutId}/segments/{index}": {
      get: { summary: "One playlist segment (MPEG-TS, stream copy of the shot's segment, timed to its place in the film).", parameters: [cutId, segment], responses: { "200": file("video/mp2t", "The segment."), ...errors } },
    },
    "/api/cuts/{cutId}/shots/{shotId}/poster.jpg": {
      get: { summary: "A poster frame of a rendered shot.", parameters: [cutId, path("shotId", "The shot's id.")], responses: { "200": file("image/jpeg", "The poster."), ...errors } },
    },
    "/api/s/{token}": { get: { summary: "A shared cut, read-only: title, progress, screenplay.", parameters: [token], responses: { "200": ok("The shared view.", ref("SharedFilm")), ...errors } } },
    "/api/s/{token}/{name}": {
      get: {
        summary: "A file of the shared cut: film.mp4, film.vtt, film.srt or playlist.m3u8.",
        parameters: [token, path("name", "film.mp4, film.vtt, film.srt or playlist.m3u8.")],
        responses: { "200": file("application/octet-stream", "The file."), ...ranged, ...errors },
      },
      head: { summary: "A shared file's size and type.", parameters: [token, path("name", "The file's name.")], responses: { "200": { description: "Headers only." }, ...errors } },
    },
    "/api/s/{token}/segments/{index}": { get: { summary: "One HLS segment of the shared cut.", parameters: [token, segment], responses: { "200": file("video/mp2t", "The segment."), ...errors } } },
    "/api/s/{token}/shots/{shotId}/poster.jpg": {
      get: { summary: "A poster frame of a shot of the shared cut.", parameters: [token, path("shotId", "The shot's id.")], responses: { "200": file("image/jpeg", "The poster."), ...errors } },
    },
    "/api/auth/{...all}": {
      get: {
        summary: "Accounts (better-auth), when sign-in is on: get-session. Answers 404 while accounts are off.",
        parameters: [path("...all", "The better-auth endpoint, e.g. get-session.")],
        responses: { "200": ok("The endpoint's answer."), ...errors },
      },
      post: {
        summary: "Accounts (better-auth), when sign-in is on: sign-up/email, sign-in/email, sign-out. Answers 404 while accounts are off.",
        parameters: [path("...all", "The better-auth endpoint, e.g. sign-in/email.")],
        responses: { "200": ok("The endpoint's answer; sets or clears the session cookie."), ...errors },
      },
    },
    "/api/openapi.json": { get: { summary: "This description.", responses: { "200": ok("OpenAPI 3.1.") } } },
  },
  components: {
    schemas: {
      Error: { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } } },
      Created: { type: "object", properties: { filmId: { type: "string" }, cutId: { type: "string" } } },
      BranchHead: { type: "object", properties: { branchId: { type: "string" }, cutId: { type: "string" } } },
      FilmSummary: { type: "object", properties: { id: { type: "string" }, title: { type: "string" }, createdAt: { type: "string", format: "date-time" }, status: { enum: ["writing", "rendering", "complete", "failed"] } } },
      CutView: {
        type: "object",
        description: "One cut with render progress; see lib/film/views.ts.",
        properties: {
          id: { type: "string" },
          parentCutId: { type: ["string", "null"] },
          branchId: { type: "string" },
          status: { enum: ["writing", "rendering", "complete", "failed"] },
          progress: { type: "number", minimum: 0, maximum: 1 },
          shots: { type: "array", items: { type: "object" } },
          outputs: { type: "object", properties: { film: { type: "string" }, subtitles: { type: "string" }, vtt: { type: "string" } } },
        },
      },
      FilmView: {
        type: "object",
        description: "See lib/film/views.ts FilmView.",
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          logline: { type: "string" },
          branches: { type: "array", items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, headCutId: { type: ["string", "null"] } } } },
          cuts: { type: "array", items: { type: "object" } },
          messages: { type: "array", items: { type: "object" } },
          head: ref("CutView"),
        },
      },
      CutDiff: { type: "object", description: "See lib/screenplay/diff-cuts.ts.", properties: { scenes: { type: "array" }, shots: { type: "array" }, characters: { type: "array" }, style: { enum: ["changed", "same"] }, summary: { type: "object" } } },
      Share: { type: "object", properties: { id: { type: "string" }, filmId: { type: "string" }, cutId: { type: "string" }, token: { type: "string" }, url: { type: "string" }, createdAt: { type: "string" }, revoked: { type: "boolean" } } },
      SharedFilm: { type: "object", properties: { title: { type: "string" }, logline: { type: "string" }, cut: ref("CutView") } },
    },
  },
} as const;
