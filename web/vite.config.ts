import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';

/**
 * Browsers of 信创 desktops (国产操作系统 统信UOS and 麒麟 Kylin): their browsers run older engines than a
 * consumer desktop — Chromium-based ones (奇安信可信浏览器, 360安全浏览器信创版, the UOS browser) from Chromium 83/86
 * on, and Firefox ESR from 78 on older Kylin releases. Vite's default target (browsers "widely available" in 2025)
 * would ship syntax they cannot parse, so the target is set on purpose to those engines: esbuild lowers newer
 * syntax (class static blocks, `||=`, top-level await is not used) and CSS nesting. No polyfills are added: the
 * app uses no API newer than those engines (fetch, Proxy, URLSearchParams, CSS variables all exist there).
 */
export const BROWSER_TARGET = ['chrome83', 'edge83', 'firefox78', 'safari14'];

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'altcha-widget' } } }),
    // Element Plus components and their CSS imported where used, not the whole library (initial JS stays small).
    Components({ dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
  ],
  build: {
    target: BROWSER_TARGET,
    cssTarget: BROWSER_TARGET,
    outDir: 'dist',
    emptyOutDir: true,
    // An inline data: URL is not an external request, but keeping assets as files makes the air-gap scan simpler.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev -w web`: the gateway of `npm start` answers GraphQL.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/auth': 'http://127.0.0.1:4000' },
  },
});
