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

  it('offers every 多元表現 category by default, and the listed ones in their order when set', () => {
    const all = loadConfig({}).portfolio.performanceCategories;
    expect(all[0]).toBe('CADRE');
    expect(all).toContain('WORKPLACE_LEARNING');
    expect(all).toHaveLength(10);
    expect(
      loadConfig({ PERFORMANCE_CATEGORIES: ' workplace_learning, COMPETITION,FLEXIBLE_LEARNING ' }).portfolio
        .performanceCategories,
    ).toEqual(['WORKPLACE_LEARNING', 'COMPETITION', 'FLEXIBLE_LEARNING']);
    expect(loadConfig({ PERFORMANCE_CATEGORIES: '' }).portfolio.performanceCategories).toEqual(all);
  });

  it.each([
    [
      { PERFORMANCE_CATEGORIES: 'COMPETITION,SPORTS' },
      /PERFORMANCE_CATEGORIES 有不存在的多元表現類別「SPORTS」；可用的類別：CADRE、/,
    ],
    [{ PERFORMANCE_CATEGORIES: 'OTHER,COMPETITION,OTHER' }, /PERFORMANCE_CATEGORIES 重複列出類別「OTHER」/],
    [{ PERFORMANCE_CATEGORIES: ' , ' }, /PERFORMANCE_CATEGORIES 至少要列出一個多元表現類別/],
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
