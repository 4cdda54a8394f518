// A report as the ingest stage hands it to extraction: the article text plus a map back to
// offsets in the original input (HTML pages lose their markup; evidence must still point into them).

export interface Report {
  /** The article text as read (after HTML and site-furniture removal). */
  text: string;
  /**
   * offsets[i] = index in the original input of text[i]; omitted when text IS the original.
   * Length text.length + 1 (the last entry maps the end of the text).
   */
  offsets?: number[] | Int32Array;
  /** Length of the original input, for bounds checks. */
  originalLength?: number;
  published?: string | null;
  outlet?: string | null;
  url?: string | null;
  title?: string | null;
  /** "html" when the text came from an HTML page. */
  format?: "text" | "html";
}
