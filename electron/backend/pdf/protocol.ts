// Messages between the backend and its PDF worker: one document at a time, answered by its id.
import type { DocDefinition } from '../../../shared/pdf/pdfmake-types';

export type ToPdfWorker = { id: number; doc: DocDefinition };

export type FromPdfWorker = { id: number; pdf: Uint8Array } | { id: number; error: string };
