/**
 * curl's progress meter (lib/progress.c: max5data, time2str, progress_meter), written to
 * stderr when the output is not a terminal and -s was not given.
 */

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

const KB = 1024;
const MB = 1024 * KB;

/** Five characters for a byte count or speed. */
export function max5(bytes: number): string {
  const b = Math.floor(bytes);
  if (b < 100000) return String(b).padStart(5);
  if (b < 10000 * KB) return `${String(Math.floor(b / KB)).padStart(4)}k`;
  if (b < 100 * MB) return `${String(Math.floor(b / MB)).padStart(2)}.${Math.floor((b % MB) / (MB / 10))}M`;
  if (b < 10000 * MB) return `${String(Math.floor(b / MB)).padStart(4)}M`;
  return `${String(Math.floor(b / (1024 * MB))).padStart(4)}G`;
}

/** `--:--:--` for zero/unknown, else ` H:MM:SS`. */
export function time2str(seconds: number): string {
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export interface MeterState {
  /** Bytes expected (Content-Length), undefined when unknown. */
  expected?: number;
  received: number;
  uploaded: number;
  elapsedMs: number;
}

export function meterLine(st: MeterState): string {
  const secs = st.elapsedMs / 1000;
  const speed = st.elapsedMs > 0 ? (st.received * 1000) / st.elapsedMs : 0;
  const total = st.expected ?? st.received;
  const totalPct = total > 0 ? Math.floor(((st.received + st.uploaded) * 100) / (total + st.uploaded)) : 0;
  const dlPct = st.expected ? Math.floor((st.received * 100) / st.expected) : 0;
  const ulPct = 0;
  const spent = time2str(secs);
  const estTotal = st.expected && speed > 0 ? time2str(st.expected / speed) : '--:--:--';
  const left = st.expected && speed > 0 ? time2str((st.expected - st.received) / speed) : '--:--:--';
  return `\r${String(totalPct).padStart(3)} ${max5(total)}  ${String(dlPct).padStart(3)} ${max5(st.received)}  ` +
    `${String(ulPct).padStart(3)} ${max5(st.uploaded)}  ${max5(speed)}  ${max5(0)} ${estTotal} ${spent} ${left} ${max5(st.received > 0 ? speed : 0)}`;
}
