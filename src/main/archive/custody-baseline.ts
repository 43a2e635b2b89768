/**
 * The state baseline of an archive that had history before entries recorded states
 * (migration 0005 leaves a `state-baseline` marker): every object's current state is
 * recorded in `state-baseline` entries, in one transaction with clearing the marker, so
 * `exhibit check` can compare the archive with its history from the upgrade on. What was
 * changed behind the app's back before the upgrade is part of the baseline and goes unseen.
 */
import type { ArchiveDb } from './db/repos/db.js';
import { clearStateBaselineMarker, stateBaselinePending } from './db/repos/object-states.js';
import { recordHistory } from './custody.js';
import { currentStates } from './state-check.js';
import type { StateRecord } from './state-hash.js';

const OBJECTS_PER_ENTRY = 500;

/** Records the baseline when the marker asks for it; does nothing otherwise. */
export async function recordStateBaseline(db: ArchiveDb): Promise<void> {
  if (!(await stateBaselinePending(db))) return;
  await db.transaction().execute(async (trx) => {
    if (!(await stateBaselinePending(trx))) return; // Another process recorded it first.
    const states = [...(await currentStates(trx))];
    for (let start = 0; start < states.length; start += OBJECTS_PER_ENTRY) {
      const state: StateRecord = Object.fromEntries(states.slice(start, start + OBJECTS_PER_ENTRY));
      await recordHistory(trx, { action: 'state-baseline', details: { objects: Object.keys(state).length }, state });
    }
    await clearStateBaselineMarker(trx);
  });
}
