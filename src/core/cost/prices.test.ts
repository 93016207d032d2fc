import { describe, expect, it } from 'vitest';
import { prices } from './prices';

describe('prices: where and when each was checked', () => {
  it('carries the date it was checked as a real calendar date', () => {
    expect(prices.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const date = new Date(`${prices.date}T00:00:00Z`);
    expect(date.toISOString().slice(0, 10)).toBe(prices.date);
  });

  it('names an AWS page as the source of every check', () => {
    expect(prices.checks.length).toBeGreaterThan(0);
    for (const check of prices.checks) {
      const url = new URL(check.source);
      expect(url.protocol).toBe('https:');
      expect(url.hostname).toBe('aws.amazon.com');
      expect(check.prices.length).toBeGreaterThan(0);
      expect(check.note.length).toBeGreaterThan(0);
    }
  });

  it('says which prices could not be confirmed rather than leaving them silent', () => {
    const unconfirmed = prices.checks.filter((check) => !check.confirmed).map((check) => check.prices);
    expect(unconfirmed).toContain('WebSocket messages over 1 billion, $0.80 per million');
  });

  it('keeps every price a tier or rate the checks mention', () => {
    // The checked numbers are the ones the estimate uses: a price changed without its check would drift apart.
    const text = prices.checks.map((check) => check.prices).join(' ');
    for (const tier of [...prices.restRequestTiers, ...prices.httpRequestTiers, ...prices.webSocketMessageTiers])
      expect(text).toContain(`$${tier.usdPerMillion.toFixed(2)}`);
    expect(text).toContain(`$${prices.webSocketUsdPerMillionConnectionMinutes.toFixed(2)}`);
    expect(text).toContain(`$${prices.cacheUsdPerHour['0.5'].toFixed(3)}`);
    expect(text).toContain(`$${prices.cacheUsdPerHour['1.6'].toFixed(3)}`);
  });
});
