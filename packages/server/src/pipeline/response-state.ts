import type { CookieOptions, ResponseControl } from '@typefast/http'
import { serialize } from 'cookie'

/** The `response` a handler or dependency sees: status, headers and cookies to add to the answer. */
export class ResponseState implements ResponseControl {
  status: number | undefined = undefined
  readonly headers: Record<string, string | string[]> = {}

  setHeader(name: string, value: string | string[]): void {
    this.headers[name.toLowerCase()] = value
  }

  setCookie(name: string, value: string, options: CookieOptions = {}): void {
    const cookie = serialize(name, value, { path: '/', ...options, sameSite: options.sameSite ?? 'lax' })
    const existing = this.headers['set-cookie']
    this.headers['set-cookie'] = existing === undefined ? [cookie] : [...existing, cookie]
  }

  deleteCookie(name: string, options: Omit<CookieOptions, 'maxAge' | 'expires'> = {}): void {
    this.setCookie(name, '', { ...options, maxAge: 0, expires: new Date(0) })
  }
}
