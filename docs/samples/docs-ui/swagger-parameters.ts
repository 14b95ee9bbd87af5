import { createApp } from 'typefast'

export const app = createApp({
  title: 'Tuned Swagger UI',
  swaggerUiParameters: {
    syntaxHighlight: { theme: 'obsidian' },
    deepLinking: false,
    defaultModelsExpandDepth: -1,
    tryItOutEnabled: true,
  },
}).get('/users/{username}', function readUser({ params }) {
  return { message: `Hello ${params.username}` }
})
