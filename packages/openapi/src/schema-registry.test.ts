import { t as Type } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { SchemaRegistry } from './schema-registry.js'
import { expectExact } from './testing/exact.js'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

describe('SchemaRegistry', () => {
  test('a schema with $id anywhere becomes a component and a $ref', () => {
    const Tag = Type.Object({ name: Type.String() }, { $id: 'Tag' })
    const Item = Type.Object({ tags: Type.Array(Tag), main: Type.Union([Tag, Type.Null()]) }, { $id: 'Item' })
    const registry = new SchemaRegistry()
    expectExact(registry.convert(Type.Array(Item), 'GET /items'), { items: ref('Item'), type: 'array' })
    // pydantic titles models and fields, not a field that is a model or a nullable model.
    expectExact(registry.components(), {
      Item: {
        properties: {
          tags: { items: ref('Tag'), type: 'array', title: 'Tags' },
          main: { anyOf: [ref('Tag'), { type: 'null' }] },
        },
        type: 'object',
        required: ['tags', 'main'],
        title: 'Item',
      },
      Tag: {
        properties: { name: { type: 'string', title: 'Name' } },
        type: 'object',
        required: ['name'],
        title: 'Tag',
      },
    })
  })

  test('the output has no TypeBox markers and survives JSON', () => {
    const registry = new SchemaRegistry()
    const schema = registry.convert(Type.Object({ a: Type.Optional(Type.Integer({ default: 1 })) }), 'x')
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
    expect(Object.getOwnPropertyNames((schema.properties as Record<string, object>).a)).toEqual([
      'type',
      'title',
      'default',
    ])
  })

  test('Type.Cyclic becomes recursive $refs', () => {
    const Node = Type.Cyclic(
      { Node: Type.Object({ id: Type.String(), children: Type.Array(Type.Ref('Node')) }) },
      'Node',
    )
    const registry = new SchemaRegistry()
    expect(registry.convert(Node, 'GET /tree')).toEqual(ref('Node'))
    expectExact(registry.components(), {
      Node: {
        properties: {
          id: { type: 'string', title: 'Id' },
          children: { items: ref('Node'), type: 'array', title: 'Children' },
        },
        type: 'object',
        required: ['id', 'children'],
        title: 'Node',
      },
    })
  })

  test('an object graph that contains itself does not loop', () => {
    const node: Record<string, unknown> = { $id: 'Loop', type: 'object', properties: {} }
    ;(node.properties as Record<string, unknown>).next = node
    const registry = new SchemaRegistry()
    expect(registry.convert(node, 'x')).toEqual(ref('Loop'))
    expectExact(registry.components().Loop, { properties: { next: ref('Loop') }, type: 'object', title: 'Loop' })
    const anonymous: Record<string, unknown> = { type: 'array' }
    anonymous.items = anonymous
    expect(() => new SchemaRegistry().convert(anonymous, 'GET /bad')).toThrow(/GET \/bad.*give it an \$id/)
  })

  test('the same schema twice is one component; two different ones with one $id throw', () => {
    const registry = new SchemaRegistry()
    registry.convert(Type.Object({ a: Type.String() }, { $id: 'A' }), 'GET /one')
    registry.convert(Type.Object({ a: Type.String() }, { $id: 'A' }), 'GET /two')
    expect(Object.keys(registry.components())).toEqual(['A'])
    expect(() => registry.convert(Type.Object({ a: Type.Number() }, { $id: 'A' }), 'POST /three')).toThrow(
      "Two different schemas have $id 'A': one in GET /one, another in POST /three",
    )
  })

  test('a $ref to no schema is reported', () => {
    const registry = new SchemaRegistry()
    registry.convert(Type.Array(Type.Ref('Missing')), 'GET /x')
    expect(() => registry.components()).toThrow(/GET \/x.*'Missing'/)
  })

  test('property names and data are not read as keywords', () => {
    const registry = new SchemaRegistry()
    const schema = { type: 'object', properties: { $id: { type: 'string' } }, default: { $id: 'NotASchema' } }
    expect(registry.convert(schema, 'x')).toEqual({
      ...schema,
      properties: { $id: { type: 'string', title: '$Id' } },
    })
    expect(registry.components()).toEqual({})
  })

  test('ids that are not valid component names are made so', () => {
    const registry = new SchemaRegistry()
    expect(registry.convert(Type.String({ $id: 'urn:x/y' }), 'x')).toEqual(ref('urn_x_y'))
    expect(registry.convert(Type.Number({ $id: 'urn_x/y' }), 'x')).toEqual(ref('urn_x_y_1'))
  })
})

describe('required', () => {
  test('a property with a default is not required in the document, as FastAPI documents it', () => {
    const registry = new SchemaRegistry()
    const Task = Type.Object({ title: Type.String(), completed: Type.Boolean({ default: false }) }, { $id: 'Task' })
    registry.convert(Task, 'POST /tasks')
    const AllDefaults = Type.Object({ limit: Type.Integer({ default: 10 }) }, { $id: 'AllDefaults' })
    registry.convert(AllDefaults, 'GET /x')
    const components = registry.components()
    expect(components.Task).toMatchObject({ required: ['title'] })
    expect(components.AllDefaults).not.toHaveProperty('required')
  })
})
