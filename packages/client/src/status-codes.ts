/**
 * The HTTP status codes of the IANA registry. A finite union (not `number`) so that the statuses a
 * route does not declare can be excluded from it and a `status === 404` check still narrows.
 */
export type HttpStatus = Informational | Success | Redirection | ClientErrorStatus | ServerErrorStatus

type Informational = 100 | 101 | 102 | 103
type Success = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226
type Redirection = 300 | 301 | 302 | 303 | 304 | 305 | 307 | 308
export type ClientErrorStatus =
  | 400
  | 401
  | 402
  | 403
  | 404
  | 405
  | 406
  | 407
  | 408
  | 409
  | 410
  | 411
  | 412
  | 413
  | 414
  | 415
  | 416
  | 417
  | 418
  | 421
  | 422
  | 423
  | 424
  | 425
  | 426
  | 428
  | 429
  | 431
  | 451
type ServerErrorStatus = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511

/** The statuses of one class, for OpenAPI's `2XX`-style response keys. */
export type StatusRange<Digit extends string> = Digit extends '1'
  ? Informational
  : Digit extends '2'
    ? Success
    : Digit extends '3'
      ? Redirection
      : Digit extends '4'
        ? ClientErrorStatus
        : Digit extends '5'
          ? ServerErrorStatus
          : never
