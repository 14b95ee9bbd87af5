import { createApp, json } from 'typefast'

class UnicornException extends Error {
  constructor(readonly unicorn: string) {
    super(`${unicorn} did something`)
  }
}

export const app = createApp()
  .exceptionHandler(UnicornException, (error) =>
    json({ message: `Oops! ${error.unicorn} did something. There goes a rainbow...` }, { status: 418 }),
  )
  .get('/unicorns/{name}', function readUnicorn({ params }) {
    if (params.name === 'yolo') throw new UnicornException(params.name)
    return { unicorn_name: params.name }
  })
