export { SettingsError, type SettingsIssue, type SettingsOptions, settings } from './settings.js'
