import { render } from 'preact';
import Builder from '../../src/studio/builder/Builder';

/**
 * The embed builder on a page of its own, for e2e/builder.spec.ts until the studio's shell
 * (the studio-access branch) lazy-loads it behind the login: the same component, nothing else.
 */
render(<Builder />, document.getElementById('studio')!);
