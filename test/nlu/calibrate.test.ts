import { Calibrator, chooseAnswerThreshold, declineThresholdFor, type ScoredOutcome } from '../../src/nlu/calibrate';

describe('Calibrator', () => {
  it('learns probabilities that rise with the evidence and match the observed rates', () => {
    // At x = i/10 the label is true for i of every 10 samples: the true rate is x.
    const samples: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i <= 10; i += 1) {
      for (let k = 0; k < 10; k += 1) {
        samples.push([i / 10]);
        labels.push(k < i);
      }
    }
    const c = Calibrator.fit(samples, labels);
    expect(c.probability([0.1])).toBeLessThan(c.probability([0.5]));
    expect(c.probability([0.5])).toBeLessThan(c.probability([0.9]));
    expect(c.probability([0.5])).toBeCloseTo(0.5, 1);
  });

  it('gives a constant answer when every label is the same', () => {
    expect(Calibrator.fit([[0], [1]], [true, true]).probability([0])).toBeGreaterThan(0.9);
    expect(Calibrator.fit([[0], [1]], [false, false]).probability([1])).toBeLessThan(0.1);
    expect(Calibrator.fit([], []).probability([])).toBe(0.5);
  });
});

describe('declineThresholdFor', () => {
  it.each([
    // in scope, out of scope, weight, threshold
    [100, 100, 1, 0.5],
    [300, 100, 1, 0.75],
    [500, 100, 5 / 3, 0.75],
    [100, 300, 1, 0.25],
  ])('%i answerable and %i out-of-scope examples, weight %d: %d', (inScope, outOfScope, weight, expected) => {
    expect(declineThresholdFor(inScope, outOfScope, weight)).toBeCloseTo(expected, 10);
  });

  it('declines nothing when one kind of example is missing', () => {
    expect(declineThresholdFor(100, 0)).toBe(0);
    expect(declineThresholdFor(0, 100)).toBe(0);
  });

  it('declines less as declining answerable questions costs more', () => {
    expect(declineThresholdFor(100, 100, 2)).toBeLessThan(declineThresholdFor(100, 100, 1));
  });
});

describe('chooseAnswerThreshold', () => {
  const outcome = (p: number, correct: boolean): ScoredOutcome => ({ p, inScope: true, correct });

  it('is the lowest score from which answers reach the precision asked', () => {
    const outcomes = [outcome(0.95, true), outcome(0.9, true), outcome(0.8, true), outcome(0.7, false), outcome(0.6, false)];
    expect(chooseAnswerThreshold(outcomes, 0, 1)).toBe(0.8);
    expect(chooseAnswerThreshold(outcomes, 0, 0.75)).toBe(0.7);
    expect(chooseAnswerThreshold(outcomes, 0.85, 1)).toBe(0.9);
  });

  it('answers nothing directly when no score reaches the precision', () => {
    expect(chooseAnswerThreshold([outcome(0.9, false), outcome(0.8, true)], 0, 0.9)).toBe(1);
  });
});
