// What openapi-typescript 7 generates for a small FastAPI-style service (trimmed of comments):
// the shape createClient<paths> is written against.
export interface paths {
  '/items/{item_id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never }
    get: operations['read_item_items__item_id__get']
    put?: never
    post?: never
    delete: operations['delete_item_items__item_id__delete']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/items': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never }
    get?: never
    put?: never
    post: operations['create_item_items_post']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export interface components {
  schemas: {
    HTTPValidationError: { detail?: components['schemas']['ValidationError'][] }
    Item: { name: string; price: number; tags?: string[] }
    ValidationError: { loc: (string | number)[]; msg: string; type: string }
    Problem: { title: string }
  }
}
export interface operations {
  read_item_items__item_id__get: {
    parameters: {
      query?: { q?: string | null }
      header?: never
      path: { item_id: number }
      cookie?: never
    }
    requestBody?: never
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Item'] } }
      '4XX': {
        headers: { [name: string]: unknown }
        content: { 'application/problem+json': components['schemas']['Problem'] }
      }
      422: {
        headers: { [name: string]: unknown }
        content: { 'application/json': components['schemas']['HTTPValidationError'] }
      }
    }
  }
  delete_item_items__item_id__delete: {
    parameters: { query?: never; header: { 'x-token': string }; path: { item_id: number }; cookie?: never }
    requestBody?: never
    responses: {
      204: { headers: { [name: string]: unknown }; content?: never }
      default: { headers: { [name: string]: unknown }; content: { 'text/plain': string } }
    }
  }
  create_item_items_post: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never }
    requestBody: { content: { 'application/json': components['schemas']['Item'] } }
    responses: {
      201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Item'] } }
    }
  }
}
