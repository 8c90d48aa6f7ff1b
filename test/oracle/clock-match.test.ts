import { describe, expect, it } from 'vitest';
import { closestRender, monotoneLineMatch } from './clock-match.js';

const at10 = 'NAME  AGE\na     10s\nb     20s\n';
const at11 = 'NAME  AGE\na     11s\nb     21s\n';

describe('monotoneLineMatch (a real kubectl run across a second boundary)', () => {
  it('accepts one candidate second, or ages moving forward down the output', () => {
    expect(monotoneLineMatch(at10, [at10, at11])).toEqual([0, 0, 0, 0]);
    expect(monotoneLineMatch('NAME  AGE\na     10s\nb     21s\n', [at10, at11])).toEqual([0, 0, 1, 1]);
  });
  it('rejects a clock going back, a line no candidate printed, and different line counts', () => {
    expect(monotoneLineMatch('NAME  AGE\na     11s\nb     20s\n', [at10, at11])).toBeNull();
    expect(monotoneLineMatch('NAME  AGE\na     12s\nb     21s\n', [at10, at11])).toBeNull();
    expect(monotoneLineMatch('NAME  AGE\na     10s\n', [at10, at11])).toBeNull();
  });
  it('closestRender picks the render sharing the most lines', () => {
    expect(closestRender('NAME  AGE\na     11s\nb     21s\nc\n', [at10, at11])).toBe(1);
  });
});
