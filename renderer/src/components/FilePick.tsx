// A file chooser in the app's own words: the browser's button says «Choose File / No file chosen» in the
// system's language, which on an office PC is often English.
type Props = { id: string; label: string; accept: string; fileName?: string; onPick: (file: File | undefined) => void };

export function FilePick({ id, label, accept, fileName, onPick }: Props) {
  return (
    <span className="file-pick-row">
      <label className="button small file-pick">
        {label}
        <input id={id} type="file" accept={accept} hidden onChange={(e) => onPick(e.target.files?.[0])} />
      </label>
      {fileName && <bdi className="muted small-text">{fileName}</bdi>}
    </span>
  );
}
