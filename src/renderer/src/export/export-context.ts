/** Lets any view open the export dialog with what it has selected. */
import { createContext, useContext } from 'react';
import type { ExportRequest } from './export-dialog.js';

export const ExportContext = createContext<(request: ExportRequest) => void>(() => undefined);

export function useOpenExport(): (request: ExportRequest) => void {
  return useContext(ExportContext);
}
