/** Input schemas shared by the contract's files (contract.ts and the call groups it spreads). */
import { z } from 'zod';

/** A tag name: nested with "/", no empty parts. */
export const tagName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (s) => s.split('/').every((part) => part.trim() !== ''),
    'a tag name like "agency/LAPD", without empty parts',
  );
