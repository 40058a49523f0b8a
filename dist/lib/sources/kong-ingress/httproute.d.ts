import { type IngressStateBuilder } from './state';
/** HTTPRoute: one route per rule match, served by the rule's first backend; ExtensionRef filters attach plugins. */
export declare function readHTTPRoutes(b: IngressStateBuilder): void;
