/**
 * Zoom: a PDF steps through fixed scales or fits the width; flowing text scales its font
 * in tenths between 70% and 200%.
 */
import { useState } from 'react';
import type { Zoom } from './pdf-viewer.js';

const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export interface ReaderZoom {
  /** The PDF viewer's zoom request. */
  zoom: Zoom;
  /** The scale the PDF viewer reports it drew at. */
  setScale: (scale: number) => void;
  textScale: number;
  /** The scale shown in the toolbar, as a fraction (1 = 100%). */
  shown: number;
  zoomBy: (direction: 1 | -1) => void;
  fitWidth: () => void;
}

export function useReaderZoom(usePdfView: boolean): ReaderZoom {
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fit' });
  const [scale, setScale] = useState(1);
  const [textScale, setTextScale] = useState(1);

  const zoomBy = (direction: 1 | -1) => {
    if (!usePdfView) {
      setTextScale((s) => Math.max(0.7, Math.min(2, Math.round((s + direction * 0.1) * 10) / 10)));
      return;
    }
    const current = scale;
    const next =
      direction > 0
        ? ZOOM_STEPS.find((s) => s > current + 0.01)
        : [...ZOOM_STEPS].reverse().find((s) => s < current - 0.01);
    if (next) setZoom({ mode: 'scale', scale: next });
  };

  return {
    zoom,
    setScale,
    textScale,
    shown: usePdfView ? scale : textScale,
    zoomBy,
    fitWidth: () => setZoom({ mode: 'fit' }),
  };
}
