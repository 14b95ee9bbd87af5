// `run.mjs --update-gaps`: known-gaps.mjs rewritten from a run. Entries of pages the run did not
// cover are kept; the pages it covered get exactly their current differences.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url))

const HEADER = `// Differences from FastAPI that are bugs not yet fixed, by case: what differs. The suite passes
// while these differ and fails once one stops differing, so the list only shrinks as fixes land.
// Written by \`node --conditions=@typefast/source --import tsx conformance/run.mjs --update-gaps\`.
`

const entries = (object) =>
  Object.keys(object)
    .sort()
    .map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(object[id])},\n`)
    .join('')

export function writeKnownGaps(path, known, results, inRun) {
  const gaps = (list, previous) => {
    const kept = Object.fromEntries(Object.entries(previous).filter(([id]) => !inRun(id)))
    for (const entry of list) {
      if (entry.verdict === 'known gap' || entry.verdict === 'unexpected') kept[entry.id] = entry.differ.join(', ')
    }
    return kept
  }
  const answers = gaps(results.answers, known.answers)
  const operations = gaps(results.operations, known.operations)
  writeFileSync(
    path,
    `${HEADER}\nexport const answers = {\n${entries(answers)}}\n\nexport const operations = {\n${entries(operations)}}\n`,
  )
  // Written as the repository's formatter writes it, so `pnpm lint` passes on a rewritten list.
  spawnSync(biome, ['format', '--write', path], { stdio: 'ignore' })
}
