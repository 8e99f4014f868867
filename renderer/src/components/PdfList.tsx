import { useEffect, useMemo } from 'react';
import type { SlipFile } from '../../../shared/api';
import { isDesktop } from '../api';
import { base64Blob } from '../format';

/** PDF bytes (base64) as a Blob for the browser's own viewer or a download. */
export const pdfBlob = (base64: string): Blob => base64Blob(base64, 'application/pdf');

const T = { open: 'نمایش و چاپ', save: 'ذخیره PDF' };

/** A list of generated PDFs (e.g. one referral letter per department), each to open or save. */
export function PdfList({ files }: { files: SlipFile[] }) {
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(pdfBlob(f.base64))), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <ul className="pdf-list">
      {files.map((f, i) => (
        <li key={f.fileName}>
          <b>{f.code}</b>
          {isDesktop() ? (
            <>
              <button type="button" className="small" onClick={() => void window.didar?.printPdf(f.base64)}>{T.open}</button>
              <button type="button" className="small" onClick={() => void window.didar?.savePdf(f.base64, f.fileName)}>{T.save}</button>
            </>
          ) : (
            <>
              <a className="button small" href={urls[i]} target="_blank" rel="noopener">{T.open}</a>
              <a className="button small" href={urls[i]} download={f.fileName}>{T.save}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
