/** Command-line options of `npm run -s replay` (see replay.ts for the contract). */
export interface ReplayArgs {
  seed?: number;
  stepSeconds: number;
  start?: string;
  lesson?: string;
  profile?: string;
  filesDir?: string;
  format: 'text' | 'json';
  file?: string;
  /** With --lesson: type the lesson's solutions instead of FILE, until every step's check passes. */
  autoplay?: boolean;
}

export const USAGE = 'usage: replay [--seed N] [--step S] [--start ISO-TIME] [--lesson ID] [--profile ID] [--files DIR] [--format text|json] [FILE]\n       replay --lesson ID --autoplay [--format text|json]\n';

export function parseReplayArgs(argv: string[]): ReplayArgs | string {
  const a: ReplayArgs = { stepSeconds: 5, format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--seed': {
        const v = Number(value());
        if (!Number.isInteger(v)) return 'replay: --seed needs an integer';
        a.seed = v;
        break;
      }
      case '--step': {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0) return 'replay: --step needs a number of seconds';
        a.stepSeconds = v;
        break;
      }
      case '--start': {
        const v = value();
        if (!v || Number.isNaN(Date.parse(v))) return 'replay: --start needs an ISO time, e.g. 2026-01-01T10:00:00Z';
        a.start = v;
        break;
      }
      case '--lesson': a.lesson = value(); if (!a.lesson) return 'replay: --lesson needs an id'; break;
      case '--profile': a.profile = value(); if (!a.profile) return 'replay: --profile needs an id'; break;
      case '--files': a.filesDir = value(); if (!a.filesDir) return 'replay: --files needs a directory'; break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') return 'replay: --format is text or json';
        a.format = v;
        break;
      }
      case '--autoplay': a.autoplay = true; break;
      case '-h': case '--help': return '';
      default:
        if (arg.startsWith('-') && arg !== '-') return `replay: unknown option ${arg}`;
        if (a.file !== undefined) return 'replay: only one input FILE';
        a.file = arg;
    }
  }
  if (a.autoplay && !a.lesson) return 'replay: --autoplay needs --lesson ID';
  return a;
}
