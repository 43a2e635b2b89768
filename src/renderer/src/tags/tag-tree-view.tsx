/** A tag tree to pick one tag from (a parent selects its children's items too). */
import { useState } from 'react';
import { flattenTree, type TagNode } from './tag-tree.js';

export interface TagTreeViewProps {
  roots: readonly TagNode[];
  selected: string | null;
  onSelect: (name: string | null) => void;
  label: string;
}

export function TagTreeView({ roots, selected, onSelect, label }: TagTreeViewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const visible = flattenTree(roots, expanded);
  const toggle = (name: string) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <ul className="tag-tree" role="tree" aria-label={label}>
      {visible.map((node) => {
        const isOpen = expanded.has(node.name);
        const active = selected === node.name;
        return (
          <li
            key={node.name}
            role="treeitem"
            aria-level={node.depth + 1}
            aria-selected={active}
            aria-expanded={node.children.length ? isOpen : undefined}
            style={{ paddingLeft: node.depth * 14 }}
          >
            {node.children.length > 0 ? (
              <button
                type="button"
                className="tree-toggle"
                aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${node.name}`}
                onClick={() => toggle(node.name)}
              >
                {isOpen ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tree-toggle" aria-hidden="true" />
            )}
            <button
              type="button"
              className={`filter-option ${active ? 'active' : ''}`}
              aria-pressed={active}
              onClick={() => onSelect(active ? null : node.name)}
              title={node.name}
            >
              <span className="filter-label">{node.label}</span>
              <span className="filter-count">{node.count.toLocaleString()}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
