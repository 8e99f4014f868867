import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SlipFile } from '../../../shared/api';
import type { Case } from '../../../shared/domain';
import { ApiFailure, call, isDesktop } from '../api';
import { fa } from '../format';
import { Modal } from './Modal';
import { pdfBlob } from './PdfList';

const T = {
  title: 'رسید پیگیری',
  duplicate: 'المثنی — این چاپ دوباره در سابقه پرونده ثبت شد.',
  print: 'چاپ',
  save: 'ذخیره PDF',
  openTab: 'باز کردن در برگه جدید برای چاپ',
  saved: 'ذخیره شد.',
};

/** Printing a slip is one explicit action (each call is logged as a print or a reprint). */
export function useSlipPrinter(onPrinted: () => void) {
  const [slip, setSlip] = useState<SlipFile | null>(null);
  const [error, setError] = useState('');
  const print = useCallback(async (c: Case) => {
    setError('');
    try {
      setSlip(await call('slip/pdf', { caseId: c.id }));
      onPrinted();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  }, [onPrinted]);
  return { slip, error, print, close: () => setSlip(null) };
}

export function SlipViewer({ slip, onClose }: { slip: SlipFile; onClose: () => void }) {
  const url = useMemo(() => URL.createObjectURL(pdfBlob(slip.base64)), [slip.base64]);
  const [note, setNote] = useState('');
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const desktop = isDesktop();

  return (
    <Modal title={`${T.title} ${fa(slip.code)}`} onClose={onClose} wide>
      {slip.duplicate && <div className="alert warn" data-testid="duplicate-note">{T.duplicate}</div>}
      <div className="actions">
        {desktop ? (
          <>
            <button type="button" className="primary" autoFocus onClick={() => void window.didar?.printPdf(slip.base64)}>{T.print}</button>
            <button type="button" onClick={() => void window.didar?.savePdf(slip.base64, slip.fileName).then((ok) => ok && setNote(T.saved))}>{T.save}</button>
          </>
        ) : (
          <>
            <a className="button primary" href={url} target="_blank" rel="noopener" data-autofocus>{T.openTab}</a>
            <a className="button" href={url} download={slip.fileName}>{T.save}</a>
          </>
        )}
        {note && <span className="ok">{note}</span>}
      </div>
      <iframe className="pdf-frame" title={T.title} src={url} tabIndex={-1} data-testid="slip-frame" />
    </Modal>
  );
}
