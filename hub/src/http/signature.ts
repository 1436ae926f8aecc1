// desktop/e2e imports the signing helper from this path; the hub's own code uses lib/.
export * from '../lib/signature.js';
