export { getWriter, type Writer, type WriteOptions, type WriterEnv } from "./select-writer";
export { writeScreenplayWithModel, type WriteWithModelOptions, type WrittenScreenplay } from "./write-screenplay-with-model";
export { reviseScreenplayWithModel, type ModelRevision, type ReviseWithModelOptions } from "./revise-screenplay-with-model";
export type { ScreenplayDraft, WritingLevel } from "./screenplay-draft";
export type { PromptTarget } from "./screenplay-for-prompt";
