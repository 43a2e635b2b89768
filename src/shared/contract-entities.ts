/**
 * The calls over people and organisations (issue 17), spread into CALLS in contract.ts: the
 * list, one entity's page, and a person's merge, split and rename (each in the custody
 * history). Pure: zod and src/shared.
 */
import { z } from 'zod';
import type { CallSpec } from './contract.js';
import { ENTITY_TYPES, type EntityDetail, type EntitySummary } from './entities.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A name as a person types it: one line, not blank, at most 200 characters (the core's MAX_ENTITY_NAME). */
const entityName = z
  .string()
  .max(200)
  .refine((s) => s.trim() !== '', 'must not be empty')
  .refine((s) => !/[\r\n]/.test(s), 'one line');

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, false, false> => ({ input, shell: false, job: false });
}

export const ENTITY_CALLS = {
  /** People and organisations named in live documents, most documents first; by type or document. */
  'entities.list': call<EntitySummary[]>()(
    z.strictObject({ type: z.enum(ENTITY_TYPES).optional(), documentId: id.optional() }),
  ),
  /** One entity: mentions in context, documents, quotes naming it, entities named with it, suggestions. */
  'entities.get': call<EntityDetail>()(z.strictObject({ id })),
  /** Merges `otherId` into `id` (which keeps its name). */
  'entities.merge': call<EntitySummary>()(
    z.strictObject({ id, otherId: id }).refine((v) => v.id !== v.otherId, 'two different entities'),
  ),
  /** Takes the mentions written as `alias` off the entity into a new one. */
  'entities.split': call<{ from: EntitySummary; to: EntitySummary }>()(z.strictObject({ id, alias: entityName })),
  /** The name a person chose; re-reading the documents keeps it. */
  'entities.rename': call<EntitySummary>()(z.strictObject({ id, name: entityName })),
} as const;
