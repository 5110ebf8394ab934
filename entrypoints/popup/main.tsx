import { startEarly } from '../../utils/diagnosis/diagnose-early';

// Ask the worker and the browser right away, then gather the form's first data (diagnosis,
// draft) as soon as that small chunk loads, without waiting for the interface: they arrive
// while React loads, instead of after it.
startEarly();
void import('../../utils/form/form-start').then(({ startForm }) => startForm());
void import('./mount');
if (__TEST_DOORS__) void import('./testing/form-report');
