/**
 * `/tandem-frame.js`: optional helper for pages that embed Tandem iframes. Every
 * `<iframe data-tandem-embed src="https://TANDEM/embed/…">` takes the height its content reports, so it
 * never shows a scrollbar or a gap. Works as a classic or a module script, once or several times per page.
 */

interface ResizeMessage {
  type?: unknown;
  height?: unknown;
}

const w = window as Window & { tandemFrameHost?: boolean };

if (!w.tandemFrameHost) {
  w.tandemFrameHost = true;
  addEventListener('message', (event: MessageEvent<ResizeMessage>) => {
    const { data } = event;
    if (data?.type !== 'tandem:resize' || typeof data.height !== 'number' || !(data.height >= 0)) return;
    // Looked up per message, so iframes added after this script ran are handled too.
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-tandem-embed]')) {
      // Only the frame's own window, showing a page from the origin the iframe points at, may resize it:
      // another frame (or a page the frame navigated to elsewhere) must not move the host's layout.
      if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src, location.href).origin) continue;
      frame.style.height = `${Math.min(data.height, 100_000)}px`;
      return;
    }
  });
}
