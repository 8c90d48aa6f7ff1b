/** Go's %v of an error returned by client-go: the API status message, or the error text. */
import { ApiError } from '../../cluster/api/types.js';

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
