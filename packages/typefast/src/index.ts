// The one import applications use: each package's public API (its `.` entry) in whole; a
// package's `./internal` entry, what its siblings share, is not re-exported.

export * from '@typefast/client'
export * from '@typefast/dependency-resolution'
export * from '@typefast/http'
export * from '@typefast/openapi'
export * from '@typefast/router'
export * from '@typefast/server'
export * from '@typefast/settings'
export * from '@typefast/validation'
