// The parts of Bun's and Deno's globals the runtimes page's samples use, so tsc checks them without either runtime's types.
declare const Bun: {
  serve(options: { port: number; fetch(request: Request): Promise<Response> }): { url: URL }
}
declare const Deno: {
  serve(
    options: { port: number; onListen(address: { port: number }): void },
    handler: (request: Request) => Promise<Response>,
  ): unknown
}

// The module `typefast build` writes (worker.ts imports it; it exists once the build has run).
declare module '*/typefast-build.mjs' {
  const build: import('typefast').CompiledBuild
  export default build
}
