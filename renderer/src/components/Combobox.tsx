// A type-ahead picker for a list of names (departments, counties, categories): downshift's accessible
// combobox with Persian matching. Tab or Enter takes the highlighted name; what matches nothing is not kept.
import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';
import { matchChoices } from '../../../shared/choice-match';

const T = { none: 'موردی پیدا نشد', open: 'نمایش فهرست', list: 'گزینه‌ها' };
/** Enough to choose from while typing; the rest appear as the query narrows. */
const SHOWN = 80;

type Props = {
  /** The input's id; the Field's label (id `${id}-label`) names it. */
  id: string;
  items: readonly string[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  disabled?: boolean;
  /** Its name where no visible label stands beside it (a filter bar). */
  label?: string;
};

export function Combobox({ id, items, value, onChange, placeholder, invalid, disabled, label }: Props) {
  const [query, setQuery] = useState<string | null>(null);
  const matches = useMemo(() => matchChoices(items, query ?? '').slice(0, SHOWN), [items, query]);
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox<string>({
    id: `${id}-combo`,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-menu`,
    items: matches,
    selectedItem: value || null,
    // the text is downshift's own (a controlled one loses keys typed faster than a render); a new value resets it
    initialInputValue: value,
    defaultHighlightedIndex: 0,
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setQuery(inputValue);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      setQuery(null);
      onChange(selectedItem ?? '');
    },
    stateReducer: (state, { type, changes }) => {
      const { InputBlur, InputKeyDownEnter } = useCombobox.stateChangeTypes;
      if (type !== InputBlur && type !== InputKeyDownEnter) return changes;
      // an emptied field clears the choice (a filter back to «all»)
      if (!state.inputValue.trim()) return { ...changes, selectedItem: null, inputValue: '' };
      // The choice taken is read from the text as typed, so a Tab faster than the list's redraw still takes the right one.
      const taken = state.isOpen && state.highlightedIndex >= 0
        ? matchChoices(items, state.inputValue)[state.highlightedIndex] ?? changes.selectedItem ?? null
        : changes.selectedItem ?? null;
      if (type === InputKeyDownEnter) return { ...changes, selectedItem: taken, inputValue: taken ?? changes.inputValue ?? '' };
      // leaving the field: text that was not taken gives way to the choice again
      return { ...changes, selectedItem: taken, inputValue: taken ?? '' };
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setQuery(null);
    },
  });
  return (
    <div className={`combo${isOpen ? ' open' : ''}`}>
      <div className="combo-input">
        <input {...getInputProps({ placeholder, disabled, 'aria-invalid': invalid || undefined, autoComplete: 'off', ...(label ? { 'aria-label': label } : {}) })} />
        <button type="button" className="combo-toggle" aria-label={T.open} {...getToggleButtonProps({ disabled, tabIndex: -1 })}>▾</button>
      </div>
      <ul {...getMenuProps({ 'aria-label': T.list })} className="combo-menu">
        {isOpen && matches.map((item, index) => (
          <li key={item} className={highlightedIndex === index ? 'highlighted' : item === value ? 'selected' : ''} {...getItemProps({ item, index })}>
            {item}
          </li>
        ))}
        {isOpen && matches.length === 0 && <li className="combo-empty" aria-disabled="true">{T.none}</li>}
      </ul>
    </div>
  );
}
