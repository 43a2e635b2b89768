/**
 * pdf.js in the renderer, wired to files the app ships: the worker is bundled by Vite and
 * the CMaps, standard fonts, wasm decoders and ICC profiles sit under `pdfjs/` beside the
 * page (see scripts/vite-pdfjs-assets.ts). Nothing is fetched from elsewhere, and pdf.js
 * never runs a PDF's scripts (the scripting sandbox is not loaded).
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Starts loading a PDF from its bytes (pdf.js takes the buffer: pass a copy you can lose). */
export function loadPdf(data: Uint8Array): PDFDocumentLoadingTask {
  const base = new URL('./pdfjs/', document.baseURI).href;
  return getDocument({
    data,
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
    enableXfa: false,
    verbosity: 0,
  });
}
