// The requests the runtime matrix sends to the bench and todo apps (the feature fixture's are
// in packages/server/src/transport/fetch/fixtures/feature-requests.ts).
import {
  type FeatureRequest,
  featureRequests,
} from '../packages/server/src/transport/fetch/fixtures/feature-requests.js'

export interface MatrixRequest extends FeatureRequest {
  /** Send the token a previous step saved, as `authorization: Bearer`. */
  auth?: boolean
  /** Keep the answer's `access_token` for the steps after; its bytes (a signed time) differ per run. */
  savesToken?: boolean
  /** Read the first event of an endless SSE stream, then leave: it streams, and the server lives on. */
  firstEventOnly?: boolean
}

export const featureMatrixRequests: MatrixRequest[] = [
  ...featureRequests,
  { method: 'GET', url: '/forever', firstEventOnly: true },
  { method: 'GET', url: '/forever/ended' },
  { method: 'GET', url: '/hello' },
]

const json = { 'content-type': 'application/json' }

export const benchRequests: MatrixRequest[] = [
  { method: 'GET', url: '/hello' },
  { method: 'GET', url: '/items/42?q=search' },
  { method: 'GET', url: '/items/nope' },
  { method: 'POST', url: '/items', headers: json, body: '{"name":"Widget","price":9.5,"tags":["a"]}' },
  { method: 'POST', url: '/items', headers: json, body: '{"name":"","price":0}' },
  { method: 'GET', url: '/deps', headers: { 'x-token': 'root' } },
  { method: 'GET', url: '/list' },
]

const form = { 'content-type': 'application/x-www-form-urlencoded' }

export const todoRequests: MatrixRequest[] = [
  { method: 'POST', url: '/users', headers: json, body: '{"username":"ada","password":"correct horse"}' },
  { method: 'POST', url: '/users', headers: json, body: '{"username":"ada","password":"correct horse"}' },
  { method: 'POST', url: '/token', headers: form, body: 'grant_type=password&username=ada&password=wrong' },
  {
    method: 'POST',
    url: '/token',
    headers: form,
    body: 'grant_type=password&username=ada&password=correct+horse',
    savesToken: true,
  },
  { method: 'GET', url: '/users/me', auth: true },
  { method: 'GET', url: '/tasks' },
  { method: 'POST', url: '/tasks', headers: json, body: '{"title":"Write the matrix"}', auth: true },
  { method: 'POST', url: '/tasks', headers: json, body: '{"title":""}', auth: true },
  { method: 'GET', url: '/tasks?limit=5', auth: true },
  { method: 'GET', url: '/tasks/1', auth: true },
  { method: 'PATCH', url: '/tasks/1', headers: json, body: '{"completed":true}', auth: true },
  { method: 'GET', url: '/tasks/999', auth: true },
  { method: 'DELETE', url: '/tasks/1', auth: true },
  { method: 'GET', url: '/openapi.json' },
]

/** For docs/samples/runtimes/app.ts, served by the guide's Bun and Deno samples. */
export const docsRequests: MatrixRequest[] = [
  { method: 'GET', url: '/items/3' },
  { method: 'GET', url: '/items/three' },
  { method: 'POST', url: '/items', headers: json, body: '{"name":"lamp"}' },
  { method: 'GET', url: '/clock' },
]
