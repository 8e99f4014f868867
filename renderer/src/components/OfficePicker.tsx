// Which office: the province's own (استانداری) or a county governorate, from the settings' counties; with
// `all`, also every office at once (the province's reports).
import { officeLabel, PROVINCE, type Office } from '../../../shared/offices';
import { useApp } from '../app-context';

const T = {
  office: 'دفتر',
  all: 'همه دفترهای استان',
};

/** `value` undefined: every office (offered only with `all`). */
export function OfficePicker({ id, value, onChange, all = false, disabled = false }: {
  id: string; value: Office | undefined; onChange: (o: Office | undefined) => void; all?: boolean; disabled?: boolean;
}) {
  const { settings } = useApp();
  const offices = [PROVINCE, ...settings.counties];
  return (
    <span className="office-picker">
      <label htmlFor={id}>{T.office}</label>{' '}
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {all && <option value="">{T.all}</option>}
        {offices.map((o) => <option key={o} value={o}>{officeLabel(o)}</option>)}
      </select>
    </span>
  );
}
