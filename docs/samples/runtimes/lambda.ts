import { toLambdaHandler } from 'typefast'
import { app } from './app.js'

// AWS Lambda behind an API Gateway HTTP API or a function URL (payload format 2.0).
export const handler = toLambdaHandler(app)
