export interface InstructionResult {
  endpoint: string
  server: string
  instructions: number
  min: number
  max: number
}
export interface RatedResult extends InstructionResult {
  vsNodeHttp: number | null
  typefastOver: number | null
}
export function withRatios(results: InstructionResult[]): RatedResult[]
export function instructionRows(
  results: InstructionResult[],
  extra?: { title: string; cell: (result: RatedResult) => unknown }[],
): { header: string[]; rows: string[][] }
