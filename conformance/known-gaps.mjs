// Differences from FastAPI that are bugs not yet fixed, by case: what differs. The suite passes
// while these differ and fails once one stops differing, so the list only shrinks as fixes land.
// Written by `node --conditions=@typefast/source --import tsx conformance/run.mjs --update-gaps`.

export const answers = {}

export const operations = {}
