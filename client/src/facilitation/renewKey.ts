/** The link roles a facilitator can renew. */
export type RenewableLink = 'edit' | 'view' | 'anonymous';

export type RenewResult = { ok: true; key: string } | { ok: false; message: string };

/**
 * `POST /api/boards/<id>/keys/<edit|view|anonymous>/renew?key=<facilitator key>`: makes
 * a new key for that link; everyone still on the old one is disconnected at
 * once. The server answers the facilitator key and the renewed key only
 * (keys are stored hashed). Never throws.
 */
export async function renewKey(
  boardId: string,
  link: RenewableLink,
  facilitatorKey: string,
): Promise<RenewResult> {
  const url = `/api/boards/${encodeURIComponent(boardId)}/keys/${link}/renew?key=${encodeURIComponent(facilitatorKey)}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, message: 'network' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Reported below as an unexpected answer.
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (response.status !== 200) {
    return {
      ok: false,
      message: typeof record.message === 'string' ? record.message : `HTTP ${response.status}`,
    };
  }
  const keys =
    typeof record.keys === 'object' && record.keys !== null ? (record.keys as Record<string, unknown>) : {};
  const key = keys[link];
  return typeof key === 'string' && key.length > 0
    ? { ok: true, key }
    : { ok: false, message: 'unexpected answer' };
}
