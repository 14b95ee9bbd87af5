// What sibling packages need that applications do not: the marker the server's responses carry.
export type { SendableResponse } from './response.js'
