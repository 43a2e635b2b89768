/** The page number box: type a page and press Enter to go there; Escape puts it back. */
import { useState, type Ref } from 'react';

export function PageInput({
  page,
  pageCount,
  goToPage,
  inputRef,
}: {
  page: number;
  pageCount: number;
  goToPage: (page: number) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      ref={inputRef}
      className="input page-input"
      aria-label={`Page number, 1 to ${pageCount}`}
      inputMode="numeric"
      value={draft ?? String(page)}
      onChange={(e) => setDraft(e.target.value)}
      onFocus={() => setDraft(String(page))}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          const n = Number(draft);
          if (Number.isInteger(n)) goToPage(n);
          setDraft(null);
          (e.target as HTMLInputElement).blur();
        } else if (e.key === 'Escape') {
          setDraft(null);
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}
