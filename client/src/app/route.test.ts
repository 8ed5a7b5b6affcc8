import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.ts';

describe('parseRoute', () => {
  it('opens the start page at /', () => {
    expect(parseRoute({ pathname: '/', search: '' })).toEqual({ page: 'start' });
  });

  it('reads the board id and key from /b/<id>?key=', () => {
    expect(parseRoute({ pathname: '/b/abc123', search: '?key=k%2By' })).toEqual({
      page: 'board',
      boardId: 'abc123',
      key: 'k+y',
    });
    expect(parseRoute({ pathname: '/b/abc123/', search: '?key=k' })).toMatchObject({ boardId: 'abc123' });
  });

  it('reports a missing or empty key as null', () => {
    expect(parseRoute({ pathname: '/b/abc', search: '' })).toMatchObject({ page: 'board', key: null });
    expect(parseRoute({ pathname: '/b/abc', search: '?key=' })).toMatchObject({ page: 'board', key: null });
  });

  it('sends everything else to "not found", including undecodable ids', () => {
    expect(parseRoute({ pathname: '/b/', search: '' })).toEqual({ page: 'notFound' });
    expect(parseRoute({ pathname: '/b/a/b', search: '' })).toEqual({ page: 'notFound' });
    expect(parseRoute({ pathname: '/b/%E0%A4%A', search: '' })).toEqual({ page: 'notFound' });
    expect(parseRoute({ pathname: '/elsewhere', search: '' })).toEqual({ page: 'notFound' });
  });
});
