import * as Y from 'yjs';
import { AnonymousProjection } from '@interplay/shared/board/anonymousProjection';

/**
 * The anonymised projection of a room's document (`AnonymousProjection`), kept while the room has pages of
 * the anonymised view link. Those pages sync against this document only, read-only: `onUpdate` hears each
 * change of the projection, to be relayed to them.
 */
export class RoomProjection {
  private readonly projection: AnonymousProjection;

  /** `names`: the room's names seen so far, kept across projections (see `AnonymousProjection`). */
  constructor(source: Y.Doc, names: ReadonlySet<string>, onUpdate: (update: Uint8Array) => void) {
    this.projection = new AnonymousProjection(source, names);
    this.projection.doc.on('update', (update: Uint8Array) => onUpdate(update));
  }

  /** Brings the projection up to date with the room's document; call after every change of it. */
  update(): void {
    this.projection.flush();
  }

  encodeStateVector(): Uint8Array {
    return Y.encodeStateVector(this.projection.doc);
  }

  /** Everything a peer with this state vector lacks. Throws on a malformed state vector. */
  encodeMissing(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.projection.doc, stateVector);
  }

  /**
   * True when `update` holds nothing the projection lacks: what a page of the anonymised view sends back when
   * it syncs. Throws on bytes that are not an update.
   */
  holdsAll(update: Uint8Array): boolean {
    const { structs, ds } = Y.decodeUpdate(update);
    const known = (client: number): number => Y.getState(this.projection.doc.store, client);
    return (
      structs.every((s) => s.id.clock + s.length <= known(s.id.client)) &&
      Array.from(ds.clients).every(([client, ranges]) =>
        ranges.every(({ clock, len }) => clock + len <= known(client)),
      )
    );
  }

  destroy(): void {
    this.projection.destroy();
  }
}
