/** A font or page this reader declines; pdfjs reads it instead. */
import { PdfSyntaxError } from './pdf-objects.js';

export class UnsupportedText extends PdfSyntaxError {}
