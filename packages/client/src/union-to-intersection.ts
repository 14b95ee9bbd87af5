/** `A | B` to `A & B`: the inputs of a route and of its dependencies all apply at once. */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never
