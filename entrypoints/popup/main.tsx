import { startEarly } from '../../utils/diagnose-early';

// Ask the tab, the worker and the browser right away, and validate their answers as soon as
// the schemas have loaded, without waiting for the interface: the answers arrive while React
// loads, instead of after it.
startEarly();
void import('../../utils/diagnose').then(({ diagnoseEarly }) => diagnoseEarly());
void import('./mount');
if (import.meta.env.MODE === 'e2e') void import('./test-hook');
