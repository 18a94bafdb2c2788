// Body parts that Readability leaves out.
export function addSplitParts(doc: Document, paragraphs: string[]): string[] {
  void doc;
  return paragraphs;
}
