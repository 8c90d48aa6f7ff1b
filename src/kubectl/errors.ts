/**
 * kubectl's one error mapping: every failure of every verb becomes text on stderr and an exit
 * code here, as `CheckErr` does (kubectl pkg/cmd/util/helpers.go: checkErr, StandardErrorMessage,
 * UsageErrorf, MultipleErrors). Verbs throw; nothing else prints errors or picks exit codes.
 */
import { ApiError } from '../cluster/api/types.js';
import { FlagError } from './flags.js';

/** A plain kubectl error: printed as `error: <message>` (prefix added unless present). */
export class KubectlError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message); this.name = 'KubectlError'; }
}

/** cmdutil.UsageErrorf: `<msg>\nSee '<command path> -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`);
    this.name = 'UsageError';
  }
}

/** Text printed verbatim (already in its final form, e.g. cobra's unknown-command text). */
export class RawError extends Error {
  constructor(readonly text: string, readonly exitCode = 1) { super(text); this.name = 'RawError'; }
}

/** A flag parse error of a command: cobra's FlagErrorFunc adds the `See ... --help` line. */
export class CommandFlagError extends KubectlError {
  constructor(err: FlagError, commandPath: string) {
    super(`${err.message}\nSee '${commandPath} --help' for usage.`);
    this.name = 'CommandFlagError';
  }
}

/**
 * meta.NoResourceMatchError straight from the RESTMapper (explain, events --for): checkErr
 * prints it without the `error: ` prefix. The builder's own lookup (get, describe, delete ...)
 * says the same words as a plain error, so with the prefix: use KubectlError there.
 */
export class NoResourceMatchError extends RawError {
  constructor(readonly resource: string, readonly group = '', readonly version = '') {
    super(group && version ? `the server doesn't have a resource type "${resource}" in group "${group}" and version "${version}"`
      : group ? `the server doesn't have a resource type "${resource}" in group "${group}"`
      : version ? `the server doesn't have a resource type "${resource}" in version "${version}"`
      : `the server doesn't have a resource type "${resource}"`);
    this.name = 'NoResourceMatchError';
  }
}

/** Several independent failures (utilerrors.Aggregate): one line each. */
export class AggregateError extends Error {
  constructor(readonly errors: unknown[]) { super(''); this.name = 'AggregateError'; this.message = errorText(this); }
}

/** A command that already printed its message and only wants an exit code (cmdutil.ErrExit). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) { super(`exit ${exitCode}`); this.name = 'ExitError'; }
}

/**
 * Go's err.Error(). utilerrors aggregate: one error is its text; several (nested ones flattened,
 * repeated texts once) are `[a, b]`.
 */
export function errorText(err: unknown): string {
  if (err instanceof AggregateError) {
    const seen = new Set<string>();
    const visit = (e: unknown): void => {
      if (e instanceof AggregateError) e.errors.forEach(visit); else seen.add(errorText(e));
    };
    if (err.errors.length <= 1) return err.errors.length ? errorText(err.errors[0]) : '';
    visit(err);
    return seen.size === 1 ? [...seen][0]! : `[${[...seen].join(', ')}]`;
  }
  if (err instanceof RawError) return err.text.replace(/\n$/, '');
  return err instanceof Error ? err.message : String(err);
}

/** StandardErrorMessage for one error (without the trailing newline). */
export function messageForError(err: unknown, plainPrefix = 'error: '): string {
  if (err instanceof ApiError) {
    if (err.code === 422 || err.reason === 'Invalid') {
      const d = err.status.details;
      if (!d) return err.message || 'The request is invalid';
      let s = 'The request is invalid';
      if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
      else if (d.group) s = `The ${d.group} "${d.name ?? ''}" is invalid`;
      const causes = d.causes ?? [];
      if (causes.length === 0) return s;
      const texts = causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
      if (texts.length === 1) return `${s}: ${texts[0]}`;
      return `${s}: \n${texts.map((t) => `* ${t}`).join('\n')}`;
    }
    if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${err.message})`;
    if (err.reason) return `Error from server (${err.reason}): ${err.message}`;
    return `Error from server: ${err.message}`;
  }
  if (err instanceof RawError) return err.text.replace(/\n$/, '');
  // MultipleErrors(``, errs): each line as StandardErrorMessage gives it, no `error: ` added; an
  // aggregate inside (the builder's) is not a Status, so its Error() text: `[a, b]` when several.
  if (err instanceof AggregateError) {
    return err.errors.map((e) => (e instanceof AggregateError ? errorText(e) : messageForError(e, ''))).join('\n');
  }
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith(plainPrefix) ? msg : `${plainPrefix}${msg}`;
}

/** The text (ending in a newline, or empty) and exit code for any thrown value. */
export function checkErr(err: unknown): { text: string; exitCode: number } {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ExitError) return { text: '', exitCode: err.exitCode };
  const exitCode = err instanceof KubectlError || err instanceof RawError ? err.exitCode : 1;
  const msg = messageForError(err);
  return { text: msg === '' || msg.endsWith('\n') ? msg : `${msg}\n`, exitCode };
}
