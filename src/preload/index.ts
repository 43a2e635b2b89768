/** The preload bridge (filled by the desktop-shell issue). */
export {};
