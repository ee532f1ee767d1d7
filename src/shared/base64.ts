/** Whether `text` is canonical base64 of at least one byte: the only form an ACS access key takes. */
export function isBase64Key(text: string): boolean {
  return text.length > 0 && text.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(text);
}
