/**
 * A loop's sleep that a notification cuts short — including one that arrived while the loop was busy (it is
 * remembered, so the next sleep returns at once instead of waiting for the poll).
 */
export interface Waker {
  signal(): void;
  sleep(ms: number): Promise<void>;
}

export function waker(): Waker {
  let signalled = false;
  let cut: (() => void) | null = null;
  return {
    signal() {
      signalled = true;
      cut?.();
    },
    async sleep(ms) {
      if (!signalled)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, ms);
          function done() {
            clearTimeout(timer);
            cut = null;
            resolve();
          }
          cut = done;
        });
      signalled = false;
    },
  };
}
