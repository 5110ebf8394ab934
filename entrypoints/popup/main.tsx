import { startEarly } from '../../utils/diagnose-early';

// Ask the tab, the worker and the browser right away, then load the interface: the answers
// arrive while React and the schemas load, instead of after them.
startEarly();
void import('./mount');
