/**
 * Short messages at the bottom of the window, with an optional action (Undo). Deleting
 * something is immediate and reversible from here, instead of asking first.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastOptions {
  /** The action's label, e.g. "Undo". */
  actionLabel?: string;
  onAction?: () => void;
  tone?: 'info' | 'error' | 'success';
  /** Milliseconds before it goes; undo toasts stay longer. */
  duration?: number;
}

interface Toast extends ToastOptions {
  id: number;
  message: string;
}

type Show = (message: string, options?: ToastOptions) => void;

const ToastContext = createContext<Show>(() => undefined);

/** Shows a toast: `toast('Quote deleted', { actionLabel: 'Undo', onAction })`. */
export function useToast(): Show {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (message, options = {}) => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-2), { id, message, ...options }]);
      const duration = options.duration ?? (options.onAction ? 8000 : options.tone === 'error' ? 7000 : 3500);
      window.setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast ${t.tone ?? 'info'}`}>
            <span>{t.message}</span>
            {t.actionLabel && t.onAction && (
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  dismiss(t.id);
                  t.onAction?.();
                }}
              >
                {t.actionLabel}
              </button>
            )}
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
