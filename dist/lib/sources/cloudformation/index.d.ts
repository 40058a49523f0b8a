import type { Model } from '../../model';
import type { SourceAdapter } from '../types';
import { type TemplateLocator } from './template';
export type { TemplateLocator, TemplatePath } from './template';
export { documentLocator } from './template';
export { isTemplate } from './detect';
export { expandCloudAssembly, isCloudAssembly, modelsFromAssembly, type AssemblyStack } from './assembly';
export interface TemplateOptions {
    /** File shown in findings (the template file, or the CDK stack's template name). */
    file: string;
    /** Which input the user edits: remediation in CloudFormation or CDK terms. */
    flavor: 'cloudformation' | 'cdk';
    /** The YAML document of a template file the user edits (absent for cdk.out: generated, never fixed). */
    document?: number;
}
/** Builds the model of one template: API Gateway endpoints (per stage, path, method), CloudFront behaviours, facts. */
export declare function modelFromTemplate(template: unknown, locator: TemplateLocator, options: TemplateOptions): Model;
export declare const cloudFormationAdapter: SourceAdapter;
