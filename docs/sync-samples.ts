// Copies each sample file into the pages that include it: every `<!-- sample: samples/x/y.ts -->`
// marker is followed by a ```ts block holding that file verbatim. Run after editing a sample:
//   node --import tsx docs/sync-samples.ts
// docs/samples.test.ts fails when a page and its samples disagree.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'

const docsDir = new URL('./', import.meta.url)
const marker = /<!-- sample: (\S+) -->\n(```ts\n[\s\S]*?```\n)?/g

for (const page of readdirSync(docsDir).filter((name) => name.endsWith('.md'))) {
  const url = new URL(page, docsDir)
  const text = readFileSync(url, 'utf8')
  const synced = text.replace(marker, (_, path: string) => {
    const code = readFileSync(new URL(path, docsDir), 'utf8')
    return `<!-- sample: ${path} -->\n\`\`\`ts\n${code}\`\`\`\n`
  })
  if (synced !== text) {
    writeFileSync(url, synced)
    console.log(`updated ${page}`)
  }
}
