import type { InstructionResult } from './instruction-rows.mjs'
export function axisEnd(ratios: number[]): number
export function instructionsChart(results: InstructionResult[], endpoints: Record<string, unknown>): string
