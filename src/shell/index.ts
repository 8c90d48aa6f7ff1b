/** The shell layer's public door: what the page, lessons and the replay CLI may import. */
export type { Session, OutputSink, LineResult, Completion, TimeDriver } from './contract.js';
export { CTRL_D } from './contract.js';
export type { Command, CommandIO, FileSystem } from './command.js';
export { FsError } from './command.js';
export { createSession, type ShellSession, type SessionOptions, type SessionSnapshot, type SessionCluster } from './session.js';
export { HeadlessTime, type HeadlessTimeOptions } from './time.js';
export { runTranscript, stripEscapes, DEFAULT_INTERRUPT_MS, type Transcript, type TranscriptEntry, type TranscriptOptions } from './transcript.js';
export { Vfs, writeTree, type VfsSnapshot } from './vfs.js';
export { registerContainerImages, type Host, type ContainerSpec, type ContainerHostParts, type ContainerSetup, type Dialect } from './host.js';
export { coreUtilities, editorCommands, CLEAR_SEQUENCE, type OpenEditor, type UtilityDeps } from './utils/index.js';
export { parse } from './parser/parse.js';
