import { describe, expect, it } from "vitest";
import { buildCharacter } from "../../../lib/writer/llm/build-character";
import type { ModelCharacter } from "../../../lib/writer/llm/level-schemas";

const look: ModelCharacter["look"] = { faceShape: "oval", skinTone: "deep", eyeColor: "brown", hairStyle: "short", hairColor: "golden", build: "athletic", height: "average", wardrobe: "a red collar", wardrobeColors: ["red", "red", "red"], headwear: "none", marks: [] };
const ctx = () => ({ genre: "comedy", seedText: "A dog's day", takenIds: new Set<string>(), takenVoices: [] });

describe("a model's character", () => {
  it("is an animal when its description says it is one: coat from its hair colour, not a skin tone", () => {
    const dog = buildCharacter({ name: "Biscuit", role: "ally", age: 4, gender: "male", description: "a loyal golden retriever", traits: ["loyal"], speech: "woofs", look }, ctx());
    expect(dog.identity).toMatchObject({ body: "animal", species: "dog", face: { skin: "#d4a83a" } });
    expect(dog.identity.height).toBeLessThan(0.7);
    const owner = buildCharacter({ name: "Sam", role: "protagonist", age: 60, gender: "male", description: "a retired postman who walks a dog", traits: [], speech: "dry", look }, ctx());
    expect(owner.identity.body).toBeUndefined();
    const walker = buildCharacter({ name: "Ann", role: "ally", age: 30, gender: "female", description: "a woman with a dog", traits: [], speech: "dry", look }, ctx());
    expect(walker.identity.body).toBeUndefined();
  });
});
