export {
  type APIKeyOptions,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
} from './api-key.js'
export { constantTimeEqual } from './compare.js'
export {
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
  type HTTPBasicOptions,
  type HTTPBearerOptions,
  httpBasic,
  httpBearer,
  httpDigest,
} from './http.js'
export {
  type OAuth2AuthorizationCodeBearerOptions,
  type OAuth2Options,
  type OAuth2PasswordBearerOptions,
  type OAuthFlows,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2PasswordBearer,
  type ScopeDescriptions,
} from './oauth2.js'
export { type OpenIdConnectOptions, openIdConnect } from './open-id-connect.js'
export {
  type PasswordRequest,
  type PasswordRequestFields,
  passwordRequest,
  passwordRequestForm,
  passwordRequestFormStrict,
} from './password-form.js'
export { type Checked, notAuthenticated, type SchemeOptions } from './scheme.js'
