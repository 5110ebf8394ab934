import { useEffect, useState } from 'react';
import { ASKS_FOR_TECHNICAL_DATA, askForTechnicalData, technicalDataAllowed } from '../../utils/diagnosis/technical-data';

/**
 * Whether the ticket may carry the environment (Firefox asks first: utils/diagnosis/technical-data.ts),
 * and the customer's way to allow it. Until the answer is known the environment is withheld, so
 * a quick Send never carries more than was allowed.
 */
export function useTechnicalData(): { allowed: boolean; ask: () => void } {
  // Chromium never asks: allowed from the first render.
  const [allowed, setAllowed] = useState(!ASKS_FOR_TECHNICAL_DATA);
  useEffect(() => {
    let live = true;
    void technicalDataAllowed().then((yes) => live && setAllowed(yes));
    return () => {
      live = false;
    };
  }, []);
  // Called from the button's click: Firefox shows its prompt only within a user gesture.
  const ask = () => void askForTechnicalData().then(setAllowed);
  return { allowed, ask };
}
