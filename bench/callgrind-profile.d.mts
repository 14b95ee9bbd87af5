export function selfCosts(text: string): Map<string, number>
export function perfMap(file: string): [number, number, string][]
export function named(costs: Map<string, number>, ranges: [number, number, string][]): Map<string, number>
