/** Size limits shared by the import pipeline and the bundle reader. */

/** Larger files are refused: an archive is one SQLite file held in memory while imported. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
