/**
 * The websocket base URL for the sync endpoint, on the same host as the page:
 * `wss:` when the page came over https, `ws:` otherwise.
 */
export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync`;
}
