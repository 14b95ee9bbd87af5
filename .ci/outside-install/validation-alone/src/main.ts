// @typefast/validation alone: a body validator with FastAPI's error format, and a serializer.
import { compileBodyValidator, compileSerializer, t } from '@typefast/validation'

const User = t.Object({ name: t.String(), age: t.Integer({ minimum: 0 }) })
const validate = compileBodyValidator(User)
const good = validate({ name: 'Ada', age: 36 })
const bad = validate({ name: 'Ada', age: 'old' })
const serialize = compileSerializer(User)
const out = serialize({ name: 'Ada', age: 36, password: 'not in the schema' })
const ok = good.ok && !bad.ok && bad.errors[0]?.type === 'int_parsing' && out === '{"name":"Ada","age":36}'
process.stdout.write(`${JSON.stringify({ ok, errors: bad.ok ? [] : bad.errors, out })}\n`)
process.exit(ok ? 0 : 1)
