import { describe, expect, it } from 'vitest';
import { loadConfig } from '../common/config.js';

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
    // The demo's accounts all have one published password.
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT 必須是非負整數/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO 必須是 true 或 false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL 必須是 silent、info、debug 其中之一/],
    [{ CENTRAL_GATEWAY: 'refrence' }, /CENTRAL_GATEWAY 必須是 reference、file 其中之一，目前是 "refrence"/],
    [{ FILE_STORAGE: 'S3' }, /FILE_STORAGE 必須是 local、s3 其中之一/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV 必須是 development、production、test 其中之一/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
