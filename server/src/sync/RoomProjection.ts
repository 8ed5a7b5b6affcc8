import * as Y from 'yjs';
import { AnonymousProjection } from '@interplay/shared/board/anonymousProjection';
import { NamesSeen } from '@interplay/shared/board/namesSeen';

/**
 * A room's anonymised view: the projection of its document (`AnonymousProjection`), kept while the room has
 * pages of the anonymised view link, which sync against it only, read-only. The names the document holds are
 * collected for the room's whole life (`NamesSeen`), so a projection made again still cuts out a name that
 * was renamed away in the meantime.
 */
export class RoomProjection {
  private readonly names: NamesSeen;
  private projection: AnonymousProjection | null = null;

  /** `relay`: each change of the projection, for the pages of the anonymised view. */
  constructor(
    private readonly source: Y.Doc,
    private readonly relay: (update: Uint8Array) => void,
  ) {
    this.names = new NamesSeen(source);
  }

  /** Every name the room's document has held (lower case): what the anonymised view must never receive. */
  get namesSeen(): ReadonlySet<string> {
    return this.names.names;
  }

  /** A page of the anonymised view joined: the projection's state vector, for its sync. */
  open(): Uint8Array {
    if (this.projection === null) {
      // Made in full here, before it is listened to: a newcomer gets it by syncing, not as a change.
      const projection = new AnonymousProjection(this.source, this.names.names);
      projection.doc.on('update', (update: Uint8Array) => this.relay(update));
      this.projection = projection;
    }
    return Y.encodeStateVector(this.projection.doc);
  }

  /** The last page of the anonymised view left. */
  close(): void {
    this.projection?.destroy();
    this.projection = null;
  }

  /** Brings the projection up to date with the room's document; call after every change of it. */
  update(): void {
    this.projection?.flush();
  }

  /**
   * Everything a peer with this state vector lacks; null without a projection. Throws on a malformed state
   * vector.
   */
  encodeMissing(stateVector: Uint8Array): Uint8Array | null {
    return this.projection === null ? null : Y.encodeStateAsUpdate(this.projection.doc, stateVector);
  }

  /**
   * True when `update` holds nothing the projection lacks: what a page of the anonymised view sends back when
   * it syncs. Throws on bytes that are not an update.
   */
  holdsAll(update: Uint8Array): boolean {
    if (this.projection === null) return false;
    const { structs, ds } = Y.decodeUpdate(update);
    const known = (client: number): number => Y.getState(this.projection!.doc.store, client);
    return (
      structs.every((s) => s.id.clock + s.length <= known(s.id.client)) &&
      Array.from(ds.clients).every(([client, ranges]) =>
        ranges.every(({ clock, len }) => clock + len <= known(client)),
      )
    );
  }

  destroy(): void {
    this.close();
    this.names.stop();
  }
}
