// The feature fixture as a module exporting its app, the shape `typefast build` and a Worker's entry import.
import { createFeatureApp } from '../packages/server/src/transport/fetch/fixtures/feature-app.js'

export const app = createFeatureApp()
