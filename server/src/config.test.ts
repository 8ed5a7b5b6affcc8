import { describe, expect, it } from 'vitest';
import { defaultConfig, readConfig } from './config.ts';

describe('readConfig', () => {
  it('uses the defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config.port).toBe(8080);
    expect(config.maxMessageBytes).toBe(4 * 1024 * 1024);
    expect(config.logLevel).toBe('info');
    expect(config.staticDir).toBe(defaultConfig.staticDir);
  });

  it('reads overrides and rejects invalid values with the variable name', () => {
    expect(readConfig({ PORT: '0', LOG_LEVEL: 'DEBUG', MAX_MESSAGE_BYTES: '2048' })).toMatchObject({
      port: 0,
      logLevel: 'debug',
      maxMessageBytes: 2048,
    });
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readConfig({ MAX_MESSAGE_BYTES: '10' })).toThrow(/MAX_MESSAGE_BYTES/);
  });

  it('reads the allowed websocket origins and refuses anything that is not an origin', () => {
    expect(readConfig({}).allowedOrigins).toEqual([]);
    expect(
      readConfig({ ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).allowedOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'a.example' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('reads PostgreSQL and Redis URLs, refusing other schemes without repeating the password', () => {
    expect(readConfig({})).toMatchObject({ databaseUrl: null, redisUrl: null });
    expect(
      readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/interplay', REDIS_URL: 'redis://cache:6379' }),
    ).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/interplay', redisUrl: 'redis://cache:6379' });
    expect(() => readConfig({ DATABASE_URL: 'mysql://u:secret@db/x' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://u:secret@db/x' })).not.toThrow(/secret/);
    expect(() => readConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });
});
