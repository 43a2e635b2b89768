/** Metadata read from a document's own face (issue 13), and the measure of versions. */
export { fileDatesOf, inferMetadata, type InferInput } from './infer-metadata.js';
export { resemblance, sameText, signatureResemblance, textSignature, VERSION_THRESHOLD } from './versions.js';
