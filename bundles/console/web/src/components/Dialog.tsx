import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A modal dialog (the browser's own <dialog>): Escape or the close button dismisses it. */
export function Dialog({ title, onClose, children, wide }: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }, []);
  return (
    <dialog ref={ref} class={wide ? 'wide' : ''} onClose={onClose} aria-label={title}>
      <header>
        <h3>{title}</h3>
        <button type="button" class="link" aria-label="×" onClick={() => ref.current?.close()}>×</button>
      </header>
      {children}
    </dialog>
  );
}
