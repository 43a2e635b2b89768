/** The few icons Exhibit uses, drawn inline (no icon font, nothing fetched). */
import type { SVGProps } from 'react';

const PATHS = {
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM16.5 4.5l3.8 1-4 15.5-3.8-1z',
  quote:
    'M7 7h4v4c0 3-1.5 5-4 6l-.8-1.4C7.6 14.7 8.3 13.5 8.4 12H7zM14 7h4v4c0 3-1.5 5-4 6l-.8-1.4c1.4-.9 2.1-2.1 2.2-3.6H14z',
  import: 'M12 3v11m0 0l-4-4m4 4l4-4M5 15v4h14v-4',
  search:
    'M10.5 4a6.5 6.5 0 104.1 11.5l4.2 4.2 1.4-1.4-4.2-4.2A6.5 6.5 0 0010.5 4zm0 2a4.5 4.5 0 110 9 4.5 4.5 0 010-9z',
  export: 'M12 15V4m0 0L8 8m4-4l4 4M5 14v5h14v-5',
  keyboard: 'M3 6h18v12H3zM6 9h2M10 9h2M14 9h2M18 9h0M6 12h2M10 12h2M14 12h2M8 15h8',
  close: 'M6 6l12 12M18 6L6 18',
  chevronLeft: 'M15 5l-7 7 7 7',
  chevronRight: 'M9 5l7 7-7 7',
  chevronDown: 'M5 9l7 7 7-7',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  fitWidth: 'M3 12h18M3 12l3-3M3 12l3 3M21 12l-3-3M21 12l-3 3',
  edit: 'M4 20h4l10-10-4-4L4 16zM13.5 6.5l4 4',
  trash: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
  tag: 'M3 12V4h8l10 10-8 8zM7.5 7.5h0',
  drag: 'M9 6h0M15 6h0M9 12h0M15 12h0M9 18h0M15 18h0',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  check: 'M5 12l5 5L20 7',
  alert: 'M12 4l9 16H3zM12 10v4M12 17h0',
  sources: 'M4 6h10M4 12h16M4 18h7M17 15l3 3-3 3',
  note: 'M5 4h14v12l-4 4H5zM15 20v-4h4',
} as const;

export type IconName = keyof typeof PATHS;

const ROUND = new Set<IconName>(['tag', 'drag', 'alert', 'keyboard']);

export function Icon({ name, size = 16, ...rest }: { name: IconName; size?: number } & SVGProps<SVGSVGElement>) {
  const filled = name === 'search' || name === 'quote';
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={ROUND.has(name) ? 2 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...rest}
    >
      <path d={PATHS[name]} fillRule="evenodd" />
    </svg>
  );
}
