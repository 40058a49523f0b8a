export { scan, evaluate, worstSeverity, type ScanOptions, type EvaluateOptions } from './engine';
export { loadConfig, defaultConfig, findConfig, type Config } from './config';
export type { Finding, Rule, RuleHit, ScanResult, InputError, FileRecord, Severity, Remediation } from './findings';
export type { Endpoint, CacheLayer, Model, Value, Method, SourceLocation, ConfigFact, HeaderPolicy } from './model';
export { STATIC_RULES } from '../rules';
export { reporterFor } from './report';
export { VERSION } from './meta';
