import { useEffect, useRef, useState } from 'preact/hooks';
import type { BuilderMessages } from './messages';

/**
 * The snippet, read-only, with a Copy button. The Clipboard API needs a secure context and the
 * page's permission; where it fails, the text is selected and copied the old way
 * (`execCommand('copy')`), and if that fails too the merchant is told to copy it themselves,
 * with the text already selected.
 */
export function SnippetBox({ t, snippet }: { t: BuilderMessages; snippet: string }) {
  const text = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'' | 'copied' | 'failed'>('');
  // A changed snippet is not the one copied.
  useEffect(() => setStatus(''), [snippet]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus('copied');
    } catch {
      const area = text.current!;
      area.focus();
      area.select();
      setStatus(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  };
  return (
    <section class="fsb-snippet">
      <label id="fsb-snippet-label" for="fsb-snippet-text">
        {t.snippet}
      </label>
      <textarea id="fsb-snippet-text" ref={text} readOnly spellcheck={false} rows={Math.min(8, snippet.split('\n').length + 1)} value={snippet} />
      <div class="fsb-copy">
        <button type="button" class="fsb-button fsb-primary" onClick={() => void copy()}>
          {t.copy}
        </button>
        <span role="status">{status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}</span>
      </div>
    </section>
  );
}
