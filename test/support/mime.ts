export { CHECKS_MIME } from '../../kernel-lib/src/notebook/checks.js';
export { FIGURE_METADATA_KEY } from '../../kernel-lib/src/notebook/figure.js';
