export function makeList(): { id: number; name: string; price: number; tags: string[] }[]
export const endpoints: Record<string, unknown>
