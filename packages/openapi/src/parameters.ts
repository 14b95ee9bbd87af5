import type { InputSchemas } from '@typefast/dependency-resolution'
import { parameterLocations } from '@typefast/dependency-resolution/internal'
import type { ResolvedRoute } from '@typefast/router/internal'
import { isPlainObject } from './json.js'
import { pydanticTitle } from './names.js'
import { withOwnTitle } from './pydantic-style.js'
import type { SchemaRegistry } from './schema-registry.js'
import type { ParameterObject, SchemaObject } from './types.js'

type Location = ParameterObject['in']

/** The parameters of an operation, grouped path, query, header, cookie as FastAPI lists them. */
export function buildParameters(
  route: ResolvedRoute,
  inputs: InputSchemas,
  registry: SchemaRegistry,
  where: string,
): ParameterObject[] {
  const parameters: ParameterObject[] = []
  for (const { key, in: location } of parameterLocations) {
    const object: unknown = inputs[key]
    const properties = isPlainObject(object) && isPlainObject(object.properties) ? object.properties : {}
    const required = new Set(isPlainObject(object) && Array.isArray(object.required) ? object.required : [])
    // Every path parameter is documented, in path order; one without a params schema has no type,
    // as FastAPI documents an unannotated `item_id` (typefast passes it as a string).
    const names =
      location === 'path'
        ? [...new Set([...route.template.params, ...Object.keys(properties)])]
        : Object.keys(properties)
    for (const name of names) {
      const property = properties[name] ?? {}
      const hasDefault = isPlainObject(property) && 'default' in property
      parameters.push(
        parameter(
          name,
          location,
          location === 'path' || (required.has(name) && !hasDefault),
          property,
          registry,
          where,
        ),
      )
    }
  }
  return parameters
}

function parameter(
  name: string,
  location: Location,
  required: boolean,
  property: unknown,
  registry: SchemaRegistry,
  where: string,
): ParameterObject {
  const schema: SchemaObject = registry.convert(property, where, 'built')
  // FastAPI's convert_underscores: the header `user_agent` is sent and documented as `user-agent`.
  const documentedName = location === 'header' ? name.replace(/_/g, '-') : name
  // FastAPI titles a parameter's schema after its name ('item_id' -> 'Item Id').
  const titled = withOwnTitle(schema, pydanticTitle(documentedName), 'built')
  const out: ParameterObject = { name: documentedName, in: location, required, schema: titled }
  // Swagger UI and ReDoc read these from the parameter, not from its schema.
  if (typeof schema.description === 'string') out.description = schema.description
  if (schema.deprecated === true) out.deprecated = true
  return out
}
