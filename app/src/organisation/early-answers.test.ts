import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, dropEarlyAnswers, takeEarly } from './early-answers.ts';

afterEach(() => {
  vi.restoreAllMocks();
  dropEarlyAnswers();
});

describe('answers asked early', () => {
  it('are taken once, by the key they were asked under', async () => {
    const ask = vi.fn(async () => 'the queue');
    askEarly('queue', ask);
    askEarly('queue', ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(takeEarly('list')).toBeUndefined();
    expect(await takeEarly('queue')).toBe('the queue');
    expect(takeEarly('queue')).toBeUndefined();
  });

  it('are not used once stale, nor after who is signed in has changed', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    askEarly('queue', async () => 'old');
    now += 5_001;
    expect(takeEarly('queue')).toBeUndefined();
    askEarly('list', async () => 'someone else’s');
    dropEarlyAnswers();
    expect(takeEarly('list')).toBeUndefined();
  });
});
