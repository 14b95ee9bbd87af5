// Differences from FastAPI that are bugs not yet fixed (see write-known-gaps.mjs).
export const answers = {}

export const operations = {}
