/**
 * Catches what is typed between the command that opens the dialog and the moment its first field
 * has focus (loading the dialog's code and its opening take a few hundred milliseconds on a slow
 * phone), so that "Hämeen Auto" typed at once does not become "n Auto". Listens on the document in
 * the capture phase, so the keys reach neither the page nor the opening button.
 */
export class KeystrokeBuffer {
  private text = '';
  private listening = true;

  constructor(private readonly document: Document) {
    document.addEventListener('keydown', this.catchKey, true);
  }

  /** What has been caught so far. */
  get typed(): string {
    return this.text;
  }

  /** Stops catching and types what was caught into the field, as if the user had typed it there. */
  replayInto(field: HTMLInputElement | HTMLTextAreaElement): void {
    const text = this.text;
    this.stop();
    if (!text) return;
    const end = field.value.length;
    field.setRangeText(text, end, end, 'end');
    // Angular forms and the employer search listen to `input`, as they do for real typing.
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  stop(): void {
    if (!this.listening) return;
    this.listening = false;
    this.text = '';
    this.document.removeEventListener('keydown', this.catchKey, true);
  }

  private readonly catchKey = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    // Shortcuts pass; AltGr (Ctrl+Alt on Windows) types characters such as @ on a Finnish keyboard.
    const altGraph = event.getModifierState?.('AltGraph') ?? false;
    if ((event.ctrlKey || event.metaKey || event.altKey) && !altGraph) return;
    if (event.key.length === 1) this.text += event.key;
    else if (event.key === 'Backspace' && this.text) this.text = this.text.slice(0, -1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
}
