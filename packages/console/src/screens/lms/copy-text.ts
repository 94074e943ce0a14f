/**
 * Puts text on the clipboard. The async Clipboard API is refused in some browsers and embedded frames, so a
 * selected, off-screen text area with the older copy command is tried next. Resolves false when neither worked.
 * Selecting the text area takes focus, so the caller puts it back on the button that was pressed.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.insetInlineStart = '-9999px';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    // Deprecated but still the one path that works where the Clipboard API is blocked.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
