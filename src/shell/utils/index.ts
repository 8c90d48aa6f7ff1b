/**
 * The core utilities, as one table a host composes into its command table. Both the
 * workstation and container images (src/shell/container) use this; images drop what they
 * lack (ubuntu has no `nano`, busybox has all of these as applets).
 */
import type { Command } from '../command.js';
import { awk } from './awk.js';
import { cat } from './cat.js';
import { cut, tr } from './cut-tr.js';
import { makeDate } from './date.js';
import { makeDiff } from './diff.js';
import { echo, printf } from './echo.js';
import { makeEditor, type OpenEditor } from './editor.js';
import { cp, mkdir, mv, rm, tee, touch } from './files.js';
import { find, makeUname, printenv } from './find.js';
import { grep } from './grep.js';
import { head, tail } from './head-tail.js';
import { makeLs } from './ls.js';
import { base64, clear, falseCmd, makeHostname, makeWhoami, pager, pwd, sleep, trueCmd, yes } from './misc.js';
import { sed } from './sed.js';
import { sort, uniq } from './sort-uniq.js';
import { wc } from './wc.js';

export interface UtilityDeps {
  /** Virtual now (ms since the epoch) for date, ls -l and file times. */
  now(): number;
  user: string;
  hostname: string;
  ip?: string;
  /** `uname -r`: the node's kernel (containers share it). */
  kernel?: string;
  /** The page's editor; absent headless. */
  openEditor?: OpenEditor;
}

export function coreUtilities(deps: UtilityDeps): Record<string, Command> {
  return {
    awk, base64, cat, clear, cp, cut, date: makeDate(deps.now), diff: makeDiff(deps.now), echo, false: falseCmd, find, grep, head, printenv,
    uname: makeUname(deps.hostname, deps.kernel ?? '6.8.0-60-generic'),
    hostname: makeHostname(deps.hostname, deps.ip), ls: makeLs(deps.now), mkdir, mv, printf, pwd, rm,
    sed, sleep, sort, tail, tee, touch, tr, true: trueCmd, uniq, wc, whoami: makeWhoami(deps.user), yes,
  };
}

/** nano, vi, vim, code: the workstation's editors (they open the page's editor panel); less and more. */
export function editorCommands(openEditor?: OpenEditor): Record<string, Command> {
  return { ...Object.fromEntries(['nano', 'vi', 'vim', 'code'].map((n) => [n, makeEditor(n, openEditor)])), less: pager, more: pager };
}

export type { OpenEditor } from './editor.js';
export { CLEAR_SEQUENCE } from './misc.js';
export { busyboxCat } from './cat.js';
export { strftime, defaultDate } from './date.js';
