/**
 * Path parameter names of a template, at the type level: `{name}`, `{name:path}` and `:name`.
 * `'/users/{user_id}/items/:item_id'` gives `'user_id' | 'item_id'`.
 */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? WithoutPathSuffix<Name> | PathParamNames<Rest>
  : P extends `${string}:${infer Name}/${infer Rest}`
    ? Name | PathParamNames<`/${Rest}`>
    : P extends `${string}:${infer Name}`
      ? Name
      : never

type WithoutPathSuffix<Name extends string> = Name extends `${infer Base}:path` ? Base : Name

/** Without a params schema, every path parameter is a string. */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string }

/** `'/items' + '/{id}'` at the type level, as joinPaths does at run time. */
export type JoinPath<Prefix extends string, Path extends string> = Prefix extends ''
  ? Path
  : Path extends '/' | ''
    ? Prefix
    : `${Prefix}${Path}`
