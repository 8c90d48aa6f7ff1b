/** ContinueOnError results: the single error as is, several as kubectl's aggregate. */
import { AggregateError } from '../../errors.js';

export function throwCollected(errors: unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}
