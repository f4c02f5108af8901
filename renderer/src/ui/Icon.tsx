/** Line icons (24-unit grid, 1.75 stroke), drawn inline so no image request is needed. */
const PATHS = {
  award: 'M12 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12Z M8.2 13.9 7 21l5-3 5 3-1.2-7.1',
  folder: 'M3 7.5A1.5 1.5 0 0 1 4.5 6H9l2 2h8.5A1.5 1.5 0 0 1 21 9.5v8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5Z',
  spark: 'M12 3v4 M12 17v4 M3 12h4 M17 12h4 M5.6 5.6l2.8 2.8 M15.6 15.6l2.8 2.8 M5.6 18.4l2.8-2.8 M15.6 8.4l2.8-2.8',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z M4 20a8 8 0 0 1 16 0',
  plus: 'M12 5v14 M5 12h14',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Z m9 3-4.35-4.35',
  x: 'M6 6l12 12 M18 6 6 18',
  pencil: 'M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16Z M13.5 6.5l4 4',
  trash: 'M4 7h16 M10 11v6 M14 11v6 M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12 M9 7V4h6v3',
  external: 'M14 4h6v6 M20 4l-9 9 M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M12 7v5l3 2',
  alert: 'M12 9v4 M12 17h.01 M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  merge: 'M6 3v6a6 6 0 0 0 6 6h6 M15 12l3 3-3 3 M6 21v-3',
  chevronRight: 'M9 6l6 6-6 6',
  chevronDown: 'M6 9l6 6 6-6',
  briefcase: 'M4 8h16v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1Z M9 8V5h6v3 M4 13h16',
  cap: 'M2 9l10-5 10 5-10 5Z M6 11v5c3 2 9 2 12 0v-5',
  sparkles: 'M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8Z M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8Z',
  wallet: 'M4 7h15a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1Z M4 7l12-3v3 M16 13.5h.01',
  hash: 'M5 9h14 M5 15h14 M10 4 8 20 M16 4l-2 16',
  mapPin: 'M12 21s7-6.2 7-11.5A7 7 0 0 0 5 9.5C5 14.8 12 21 12 21Z M12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
  mail: 'M3 6h18v12H3Z M3 7l9 6 9-6',
  calendar: 'M4 6h16v14H4Z M4 10h16 M8 3v4 M16 3v4',
  layers: 'M12 3 2 8l10 5 10-5Z M2 13l10 5 10-5',
  download: 'M12 3.5v11 M7.5 10 12 14.5 16.5 10 M4 14.5v4A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5v-4',
  shield: 'M12 3 5 5.8v5.7c0 4.2 2.9 7.8 7 9.5 4.1-1.7 7-5.3 7-9.5V5.8Z',
  shieldCheck: 'M12 3 5 5.8v5.7c0 4.2 2.9 7.8 7 9.5 4.1-1.7 7-5.3 7-9.5V5.8Z M9 12l2.2 2.2L15.5 10',
  shieldAlert: 'M12 3 5 5.8v5.7c0 4.2 2.9 7.8 7 9.5 4.1-1.7 7-5.3 7-9.5V5.8Z M12 8v4.5 M12 16h.01',
  sliders: 'M4 7h9 M17 7h3 M4 17h3 M11 17h9 M15 9a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z M9 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z',
  undo: 'M9 14 4 9l5-5 M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  refresh: 'M20 11a8 8 0 0 0-14.9-3.5 M4 4v3.5h3.5 M4 13a8 8 0 0 0 14.9 3.5 M20 20v-3.5h-3.5',
  file: 'M14 3H7a1.5 1.5 0 0 0-1.5 1.5v15A1.5 1.5 0 0 0 7 21h10a1.5 1.5 0 0 0 1.5-1.5V7.5Z M14 3v4.5h4.5',
  copy: 'M9 9h10.5v11.5H9Z M15 9V3.5H4.5V15H9',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M3.5 9h17 M3.5 15h17 M12 3c2.3 2.4 3.5 5.4 3.5 9s-1.2 6.6-3.5 9 M12 3c-2.3 2.4-3.5 5.4-3.5 9s1.2 6.6 3.5 9',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.4 M12 16.8h.01',
  fileText: 'M14 3H7a1.5 1.5 0 0 0-1.5 1.5v15A1.5 1.5 0 0 0 7 21h10a1.5 1.5 0 0 0 1.5-1.5V7.5Z M14 3v4.5h4.5 M9 12.5h6 M9 16h6',
  pin: 'M9 4h6 M10 4v5.5L7 13h10l-3-3.5V4 M12 13v7',
  eye: 'M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z M12 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
  eyeOff: 'M4 4l16 16 M9.9 5.8A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.6 3.4 M6.4 7.4A15.8 15.8 0 0 0 2.5 12S6 18.5 12 18.5a9 9 0 0 0 4.2-1 M10 10.2a2.5 2.5 0 0 0 3.8 3.3',
  arrowUp: 'M12 19V5 M6 11l6-6 6 6',
  arrowDown: 'M12 5v14 M6 13l6 6 6-6',
  save: 'M5 4h11l3 3v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Z M8 4v5h7V4 M8 20v-6h8v6',
  minus: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M8 12h8',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
