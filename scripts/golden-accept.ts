/**
 * `make golden-accept`: promotes the `test/golden/<nb>.changed.json` files that the last failed
 * golden comparison wrote to `test/golden/<nb>.json` (review `git diff test/golden` and commit).
 */
import { acceptChanged, GOLDEN_DIR } from './lib/golden.js';

const done = acceptChanged(GOLDEN_DIR);
console.log(done.length ? `accepted new golden results for: ${done.join(', ')} (review with git diff test/golden, then commit)` : `no .changed.json files in ${GOLDEN_DIR}: nothing to accept`);
