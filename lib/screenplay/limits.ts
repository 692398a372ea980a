/** Hard limits that hold whatever an idea or a model says. */
export const LIMITS = {
  maxIdeaChars: 20_000,
  maxMessageChars: 4_000,
  minFilmSeconds: 10,
  maxFilmSeconds: 150 * 60,
  defaultFilmSeconds: 3 * 60,
  maxActs: 8,
  maxCharacters: 24,
  maxShots: 2_000,
  maxShotsPerScene: 60,
  maxLinesPerShot: 6,
  maxLineChars: 300,
  minShotSeconds: 1,
  maxShotSeconds: 30,
} as const;
