// Why a string is not a date, time or datetime, in the words of speedate (the parser behind
// pydantic), so format errors read as FastAPI's do. Only runs on the error path.

const digits = (s: string, from: number, n: number): number | undefined => {
  let v = 0
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48
    if (!(c >= 0 && c <= 9)) return undefined
    v = v * 10 + c
  }
  return v
}

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/** The problem with a YYYY-MM-DD prefix, or undefined when it is a date. */
export function dateProblem(s: string): string | undefined {
  if (s.length < 10) return 'input is too short'
  const year = digits(s, 0, 4)
  if (year === undefined) return 'invalid character in year'
  if (s[4] !== '-') return 'invalid date separator, expected `-`'
  const month = digits(s, 5, 2)
  if (month === undefined) return 'invalid character in month'
  if (s[7] !== '-') return 'invalid date separator, expected `-`'
  const day = digits(s, 8, 2)
  if (day === undefined) return 'invalid character in day'
  if (month < 1 || month > 12) return 'month value is outside expected range of 1-12'
  if (day < 1 || day > daysIn(year, month)) return 'day value is outside expected range'
  return undefined
}

/** The problem with a time (HH:MM[:SS[.ffffff]][tz]); `tz` tells whether an offset was given. */
export function timeProblem(s: string): { problem?: string; tz: boolean } {
  if (s.length < 5) return { problem: 'input is too short', tz: false }
  const hour = digits(s, 0, 2)
  if (hour === undefined) return { problem: 'invalid character in hour', tz: false }
  if (s[2] !== ':') return { problem: 'invalid time separator, expected `:`', tz: false }
  const minute = digits(s, 3, 2)
  if (minute === undefined) return { problem: 'invalid character in minute', tz: false }
  if (hour > 23) return { problem: 'hour value is outside expected range of 0-23', tz: false }
  if (minute > 59) return { problem: 'minute value is outside expected range of 0-59', tz: false }
  let i = 5
  if (s[i] === ':') {
    if (s.length < i + 3) return { problem: 'input is too short', tz: false }
    const second = digits(s, i + 1, 2)
    if (second === undefined) return { problem: 'invalid character in second', tz: false }
    if (second > 59) return { problem: 'second value is outside expected range of 0-59', tz: false }
    i += 3
    if (s[i] === '.' || s[i] === ',') {
      let n = 0
      while (digits(s, i + 1 + n, 1) !== undefined) n++
      if (n === 0) return { problem: 'second fraction digits missing after `.`', tz: false }
      if (n > 6) return { problem: 'second fraction value is more than 6 digits long', tz: false }
      i += 1 + n
    }
  }
  if (i === s.length) return { tz: false }
  const sign = s[i]
  if (sign === 'Z' || sign === 'z') {
    return i + 1 === s.length
      ? { tz: true }
      : { problem: 'unexpected extra characters at the end of the input', tz: true }
  }
  if (sign !== '+' && sign !== '-') return { problem: 'invalid timezone sign', tz: false }
  const tzHour = digits(s, i + 1, 2)
  if (tzHour === undefined) return { problem: 'invalid timezone hour', tz: false }
  i += 3
  if (s[i] === ':') i++
  let tzMinute = 0
  if (i < s.length) {
    const m = digits(s, i, 2)
    if (m === undefined) return { problem: 'invalid timezone minute', tz: false }
    tzMinute = m
    i += 2
  }
  if (tzMinute > 59) return { problem: 'timezone minute value is outside expected range of 0-59', tz: false }
  if (tzHour >= 24) return { problem: 'timezone offset must be less than 24 hours', tz: false }
  if (i < s.length) return { problem: 'unexpected extra characters at the end of the input', tz: true }
  return { tz: true }
}

/** The problem with a datetime; `tz` is false when it parses but has no offset. */
export function datetimeProblem(s: string): { problem?: string; tz: boolean } {
  const date = dateProblem(s)
  if (date !== undefined) return { problem: date, tz: false }
  if (s.length === 10) return { tz: false }
  const sep = s[10]
  if (sep !== 'T' && sep !== 't' && sep !== '_' && sep !== ' ') {
    return { problem: 'invalid datetime separator, expected `T`, `t`, `_` or space', tz: false }
  }
  return timeProblem(s.slice(11))
}
