import { createRouter, createWebHistory } from 'vue-router';
import HomePage from './pages/HomePage.vue';

/**
 * The site's pages. The home page is in the first bundle; every other page is its own chunk, loaded when first
 * visited (initial JavaScript stays small on slow government networks). The gateway answers every one of these
 * paths with index.html (gateway/src/web.ts).
 */
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: { title: '首页' } },
    { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { title: '信用查询' } },
    {
      path: '/subject/:code',
      name: 'subject',
      component: () => import('./pages/SubjectPage.vue'),
      meta: { title: '信用主体' },
    },
    { path: '/lists', name: 'lists', component: () => import('./pages/ListsPage.vue'), meta: { title: '名单公示' } },
    {
      path: '/guide/:topic(repair|objection)',
      name: 'guide',
      component: () => import('./pages/GuidePage.vue'),
      meta: { title: '办事指南' },
    },
    {
      path: '/verify',
      name: 'verify',
      component: () => import('./pages/VerifyPage.vue'),
      meta: { title: '报告查验' },
    },
    {
      path: '/report/special',
      name: 'special-report',
      component: () => import('./pages/SpecialReportPage.vue'),
      meta: { title: '专项信用报告' },
    },
    {
      path: '/repair',
      name: 'repair',
      component: () => import('./pages/RepairPage.vue'),
      meta: { title: '信用修复与异议' },
    },
    {
      path: '/my',
      name: 'my-cases',
      component: () => import('./pages/MyCasesPage.vue'),
      meta: { title: '我的申请' },
    },
    {
      path: '/console',
      name: 'console',
      component: () => import('./pages/ConsolePage.vue'),
      meta: { title: '控制台' },
    },
    {
      // The supervisors' console: its own chunk, the only one that loads ECharts (public pages never do).
      path: '/console/dashboards/:id?',
      name: 'dashboards',
      component: () => import('./pages/DashboardPage.vue'),
      meta: { title: '监管看板' },
    },
    {
      path: '/:rest(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
  scrollBehavior: () => ({ top: 0 }),
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} - 信用信息公示查询`;
});
