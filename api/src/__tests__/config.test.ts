import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.timeline.confirmReceiptsMinDays).toBe(3);
    expect(config.introspection).toBe(true);
    expect(config.cookieSecure).toBe(false);
  });

  it('turns on production safety together', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.introspection).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT 必須是非負整數/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO 必須是 true 或 false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL 必須是 silent、info 或 debug/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
