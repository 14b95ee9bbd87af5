// The one import applications use: every public name of the typefast packages.

export * from '@typefast/client'
export * from '@typefast/dependency-resolution'
export * from '@typefast/openapi'
export * from '@typefast/router'
export * from '@typefast/server'
export * from '@typefast/validation'
