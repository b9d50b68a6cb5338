/**
 * The one write pattern every projection uses: move a read-model row forward to `version`, never
 * back. Idempotent (the same version again changes nothing) and race-safe without transactions:
 *
 *  1. update the row where its stateVersion is older than ours;
 *  2. if nothing matched, insert it (skipping a duplicate key);
 *  3. if the insert found the row already there, a concurrent first projection inserted it between
 *     1 and 2 — it may be older than ours, so update once more. Rows never disappear, so that is final.
 *
 * Returns whether this call wrote (false: the row was already at this version or newer).
 */
export async function moveForward(write: {
  updateOlder: () => Promise<{ count: number }>;
  insert: () => Promise<{ count: number }>;
}): Promise<boolean> {
  if ((await write.updateOlder()).count > 0) return true;
  if ((await write.insert()).count > 0) return true;
  return (await write.updateOlder()).count > 0;
}
