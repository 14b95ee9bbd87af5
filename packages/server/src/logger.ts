/** The logging surface typefast writes to; pino's (object, message) signature, so a pino logger fits. */
export interface Logger {
  error(details: object, message: string): void
  warn(details: object, message: string): void
  info(details: object, message: string): void
}

/** Default: one JSON line on stderr per event, the error's stack included (the log is private). */
export const consoleLogger: Logger = {
  error: (details, message) => console.error(JSON.stringify({ level: 'error', message, ...serializable(details) })),
  warn: (details, message) => console.warn(JSON.stringify({ level: 'warn', message, ...serializable(details) })),
  info: (details, message) => console.info(JSON.stringify({ level: 'info', message, ...serializable(details) })),
}

function serializable(details: object): object {
  const error = (details as { err?: unknown }).err
  if (!(error instanceof Error)) return details
  return { ...details, err: { name: error.name, message: error.message, stack: error.stack } }
}
