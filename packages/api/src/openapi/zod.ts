import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// The generator reads names and examples through `.openapi()`, a method it adds to zod's
// prototype. Every schema module imports `z` from here, so the method exists before any schema
// (the domain's included, which share the prototype) is named.
extendZodWithOpenApi(z);

export { z };

/**
 * Names a schema in the document. Zod copies prototype methods onto an instance when it is built,
 * so a schema the domain built before the extension ran lacks `.openapi`; a clone made now has it.
 */
export function named<T extends z.ZodType>(schema: T, name: string): T {
  return (schema.clone() as T).openapi(name);
}
