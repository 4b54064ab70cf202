import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A text field over one figure of the workbook, taken on Enter or on leaving (Escape goes back): `commit` gets the
 * trimmed text and returns the refusal to show beside the field, or null. Undo, redo or another edit that changes
 * the figure shown puts it back in the field.
 */
export function useCommitField(shown: string, commit: (typed: string) => string | null) {
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [was, setWas] = useState(shown);
  if (was !== shown) {
    setWas(shown);
    setText(shown);
    setError(null);
  }
  const take = () => setError(text === shown ? null : commit(text.trim()));
  const inputProps = {
    value: text,
    'aria-invalid': error !== null,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setText(e.target.value);
      setError(null);
    },
    onBlur: take,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') take();
      else if (e.key === 'Escape') {
        setText(shown);
        setError(null);
      }
    },
  };
  return { error, inputProps };
}
