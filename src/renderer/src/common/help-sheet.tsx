/**
 * The keyboard help sheet (press ?): generated from the shortcut table itself, with the
 * archive's custody chain head to note elsewhere (the desktop's About box shows it too).
 */
import { Modal } from './modal.js';
import { displayCombo, SHORTCUTS, type ShortcutSpec } from './shortcuts.js';

const GROUPS: ShortcutSpec['group'][] = ['Everywhere', 'Library', 'Reader', 'Quotes', 'Review metadata'];

export function HelpSheet({
  open,
  onClose,
  historyHead,
}: {
  open: boolean;
  onClose: () => void;
  historyHead?: string | undefined;
}) {
  const specs = Object.values(SHORTCUTS) as ShortcutSpec[];
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={onClose} size="medium" className="help-sheet">
      <div className="help-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {specs
                .filter((s) => s.group === group)
                .map((s) => (
                  <div className="help-row" key={s.label}>
                    <dt>{s.label}</dt>
                    <dd>
                      {s.keys.map((combo, i) => (
                        <span key={combo} className="combo">
                          {i > 0 && <span className="faint"> or </span>}
                          {displayCombo(combo).map((k) => (
                            <kbd key={k}>{k}</kbd>
                          ))}
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      {historyHead && (
        <p className="help-history-head faint">
          History head <code>{historyHead}</code>: note it elsewhere; <code>exhibit check --head</code> tells whether
          the history was cut or rewritten since.
        </p>
      )}
    </Modal>
  );
}
