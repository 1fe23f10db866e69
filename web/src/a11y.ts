import { ref, watch } from 'vue';

/**
 * 适老化 mode (工信部《互联网网站适老化通用设计规范》): larger type, stronger contrast, wider spacing. The choice is
 * a display preference, not personal data, so it is kept in localStorage and applied before the first paint.
 */
const KEY = 'credit-hub.elder-mode';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const elderMode = ref(stored());

function apply(on: boolean) {
  document.documentElement.classList.toggle('elder', on);
}

apply(elderMode.value);
watch(elderMode, (on) => {
  apply(on);
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private browsing may refuse storage: the mode still applies for this visit.
  }
});
