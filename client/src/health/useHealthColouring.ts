import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';
import { facilitationStore } from '../facilitation/facilitationStore.ts';
import { useFacilitatorPresence } from '../facilitation/useFollowFacilitator.ts';

export interface HealthColouring {
  /** The lines are coloured by health on this page now. */
  readonly on: boolean;
  /** The facilitator colours everyone's lines by health: this page cannot turn it off. */
  readonly forced: boolean;
  /** This person's own choice (kept while the facilitator's holds). */
  readonly own: boolean;
  setOwn(on: boolean): void;
  /** Facilitator only: colour everyone's lines by health. */
  readonly forEveryone: boolean;
  setForEveryone(on: boolean): void;
}

/**
 * "Colour by health" on this page: the person's own choice, or the facilitator's for everyone. The
 * facilitator's reaches the others through facilitation presence, either by "for everyone" or with their
 * own colouring while their view is shared ("Show my view"). The map's view store holds the result.
 */
export function useHealthColouring(): HealthColouring {
  const { session, store } = useBoardViewContext();
  const facilitator = useFacilitatorPresence(session);
  const local = facilitationStore(session.boardId);
  const isFacilitator = session.role === 'facilitator';
  const forEveryone = useStore(local, (state) => state.healthForAll);
  const sharing = useStore(local, (state) => state.sharing);
  const [own, setOwn] = useState(() => store.getState().colourByHealth);
  const forced = isFacilitator ? forEveryone : facilitator?.facilitation.colourByHealth === true;
  const on = own || forced;

  useEffect(() => {
    store.getState().setColourByHealth(on);
  }, [store, on]);
  useEffect(() => {
    if (isFacilitator) local.getState().setSharedHealth(sharing && own);
  }, [isFacilitator, local, sharing, own]);

  return {
    on,
    forced,
    own,
    setOwn,
    forEveryone,
    setForEveryone: (value) => {
      local.getState().setHealthForAll(value);
      if (value) setOwn(true);
    },
  };
}
