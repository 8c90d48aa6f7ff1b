/**
 * A lesson is data (lessons/<id>/lesson.yaml + i18n/<lang>.yaml + files/); these are its shapes
 * after loading. The JSON Schema in lessons/schema.json describes the same files.
 */

/** A declarative check: predicates over API state and the session's commands, composable. */
export type Check =
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check }
  | { exists: ObjectRef }
  | { missing: ObjectRef }
  | { field: ObjectRef & { path: string; equals?: string | number | boolean; matches?: string } }
  | { readyEndpoints: { service: string; namespace?: string; count?: number; atLeast?: number; includes?: string } }
  | { pods: { selector?: string; namespace?: string; phase?: string; ready?: boolean; count?: number; atLeast?: number; image?: string } }
  | { ran: CommandMatch }
  | { inContainer: { image?: string } };

export interface ObjectRef { kind: string; name: string; namespace?: string }

export interface CommandMatch {
  /** Regular expression the typed command must match (whole input, after trimming). */
  command: string;
  /** Regular expression the output must match. */
  output?: string;
  /** The output must contain this many matches of `count.pattern` (e.g. three addresses). */
  count?: { pattern: string; equals?: number; atLeast?: number };
  exitCode?: number;
  /** 'workstation' or 'container'. */
  host?: 'workstation' | 'container';
}

export interface HintSpec {
  /** Offered on request always; shown unasked after this many seconds on the step ... */
  afterSeconds?: number;
  /** ... or after this many commands that did not complete the step. */
  afterAttempts?: number;
}

export interface StepSpec {
  id: string;
  check: Check;
  hints?: HintSpec[];
  solution: string[];
}

export interface LessonSpec {
  id: string;
  level: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  languages: string[];
  cluster: { profile: string; seed: number; start?: string };
  /** Files placed in the workstation home, by name → content (loaded from files/). */
  files: Record<string, string>;
  steps: StepSpec[];
  next?: string;
}

/** Translatable text of one lesson in one language. */
export interface LessonText {
  title: string;
  summary: string;
  steps: Record<string, { title: string; text: string; hints?: string[] }>;
  done?: string;
}

export interface Lesson extends LessonSpec {
  text: Record<string, LessonText>;
}

/** One complete command as the session ran it: what checks over the session read. */
export interface CommandRecord {
  input: string;
  output: string;
  exitCode: number;
  host: string;
  /** Image of the container the command ran in, if any. */
  image?: string;
}
