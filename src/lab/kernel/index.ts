/** src/lab/kernel: running the tutorial's cells on the notebook's kernel: consent, runs, a lost kernel, its kernel spec. What the rest of src/lab may import from it at start-up. */
export { KernelConsent } from './consent.js';
