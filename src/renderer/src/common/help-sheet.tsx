/** The keyboard help sheet (press ?): generated from the shortcut table itself. */
import { Modal } from './modal.js';
import { displayCombo, SHORTCUTS, type ShortcutSpec } from './shortcuts.js';

const GROUPS: ShortcutSpec['group'][] = ['Everywhere', 'Library', 'Reader', 'Quotes'];

export function HelpSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
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
    </Modal>
  );
}
