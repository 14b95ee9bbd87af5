export { SettingsError, type SettingsIssue } from './errors.js'
export { type SettingsOptions, settings } from './settings.js'
