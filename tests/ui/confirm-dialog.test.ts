// @vitest-environment jsdom
// Issue 16: "forget everything now" asks once, and the safe answer is the one Enter gives. The one
// confirmation Settings and the remembered-places notice both use: cancel is focused first; only the
// danger button forgets; Escape cancels.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../renderer/src/components/Dialog';
import '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has <dialog> but not its modal methods.
const proto = HTMLDialogElement.prototype as unknown as { showModal?: () => void; close?: () => void };
proto.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
proto.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

function open(): { host: HTMLElement; onCancel: ReturnType<typeof vi.fn>; onConfirm: ReturnType<typeof vi.fn>; unmount: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const onCancel = vi.fn();
  const onConfirm = vi.fn();
  act(() =>
    root.render(createElement(ConfirmDialog, { title: '모두 잊을까요?', body: '읽던 곳을 모두 지웁니다.', confirm: '모두 잊기', cancel: '취소', onCancel, onConfirm })),
  );
  return { host, onCancel, onConfirm, unmount: () => act(() => root.unmount()) };
}

describe('the one confirmation before forgetting', () => {
  it('says what will happen, with cancel focused first and the danger button apart', () => {
    const { host, onConfirm, unmount } = open();
    const dialog = host.querySelector('dialog')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('읽던 곳을 모두 지웁니다.');
    const [cancel, confirm] = Array.from(dialog.querySelectorAll('button')).slice(-2);
    expect(cancel!.textContent).toBe('취소');
    expect(document.activeElement).toBe(cancel);
    expect(confirm!.className).toContain('button--danger');
    expect(onConfirm).not.toHaveBeenCalled();
    unmount();
  });

  it('forgets only when the danger button is pressed; cancel and Escape do not', () => {
    const a = open();
    const buttons = Array.from(a.host.querySelectorAll('dialog button'));
    act(() => (buttons.at(-2) as HTMLButtonElement).click());
    act(() => void a.host.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(a.onCancel).toHaveBeenCalledTimes(2);
    expect(a.onConfirm).not.toHaveBeenCalled();
    act(() => (buttons.at(-1) as HTMLButtonElement).click());
    expect(a.onConfirm).toHaveBeenCalledTimes(1);
    a.unmount();
  });
});
