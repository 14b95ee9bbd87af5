// fast-json-stringify ships no types for the serializer its standalone code requires.
declare module 'fast-json-stringify/lib/serializer.js' {
  const Serializer: unknown
  export default Serializer
}
