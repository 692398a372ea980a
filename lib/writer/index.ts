export { checkIdea, checkMessage, cleanText } from "./check-idea";
export { writeScreenplay } from "./write-screenplay";
export { reviseScreenplay, type Revision, type RevisionTarget } from "./revise-screenplay";
export { readIdea, type IdeaReading } from "./read-idea";
export { voicesDiffer } from "./cast-voices";
export { estimateSpeechSeconds } from "../screenplay/apply-edits";
