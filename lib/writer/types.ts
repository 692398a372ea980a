/** Type re-exports the writer uses, so its files import one place. */
export type {
  Act,
  CameraMove,
  Character,
  Delivery,
  Framing,
  Grade,
  Identity,
  Line,
  LocationKind,
  Look,
  Music,
  Scene,
  Screenplay,
  Shot,
  SoundCue,
  SoundCueKind,
  Style,
  TimeOfDay,
  Voice,
  Weather,
  Palette,
} from "../screenplay/schema";
import type { HEADWEAR, ROLES, GENDERS, HAIR_STYLES, BUILDS, MARKS, FACE_SHAPES } from "../screenplay/schema";
export type Headwear = (typeof HEADWEAR)[number];
export type Role = (typeof ROLES)[number];
export type Gender = (typeof GENDERS)[number];
export type HairStyle = (typeof HAIR_STYLES)[number];
export type Build = (typeof BUILDS)[number];
export type Mark = (typeof MARKS)[number];
export type FaceShape = (typeof FACE_SHAPES)[number];
