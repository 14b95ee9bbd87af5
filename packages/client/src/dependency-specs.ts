/** How deep sub-dependencies are followed for their inputs; bounds the type checker's work. */
type MaxDepth = 6

/**
 * A route's spec and the specs of every dependency it uses, through sub-dependencies, as a union.
 * Their inputs all arrive in the same request, so the client must send them.
 */
export type SpecsOf<S, Depth extends 0[] = []> =
  | S
  | (Depth['length'] extends MaxDepth
      ? never
      : S extends { deps: infer D }
        ? { [K in keyof D]: D[K] extends { spec: infer DS } ? SpecsOf<DS, [...Depth, 0]> : never }[keyof D]
        : never)
