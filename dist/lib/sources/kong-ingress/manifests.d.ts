import type { InputError } from '../../findings';
import type { SourceLocation } from '../../model';
import { type PathSegment, type YamlDocument, type YamlFile } from '../../parse/yaml';
import { isRecord } from '../kong/placeholders';
export { isRecord };
export interface K8sObject {
    file: string;
    doc: YamlDocument;
    /** 1-based number of the YAML document in its file. */
    document: number;
    /** Path of the object inside its document: [] or ['items', i] in a List. */
    base: PathSegment[];
    obj: Record<string, unknown>;
    kind: string;
    name: string;
    /** '' for cluster-scoped kinds; 'default' when a namespaced object names none (kubectl's default). */
    namespace: string;
    /** `namespace/Kind/name`, or `Kind/name` for cluster-scoped objects: how findings name it. */
    id: string;
}
/** A location inside an object, computed only when a finding asks for it. */
export declare function locOf(o: K8sObject, path: readonly PathSegment[]): SourceLocation;
export declare function errorAt(o: K8sObject, path: readonly PathSegment[], code: string, message: string): InputError;
export declare function annotation(o: K8sObject, key: string): string | undefined;
export declare function label(o: K8sObject, key: string): string | undefined;
/** The Kong-relevant objects of one parsed file, with located errors for objects that cannot be read. */
export declare function readManifests(file: string, parsed: YamlFile): {
    objects: K8sObject[];
    errors: InputError[];
};
