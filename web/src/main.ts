import urql from '@urql/vue';
import { createApp } from 'vue';
import './a11y.ts';
import App from './App.vue';
import { client } from './client.ts';
import { router } from './router.ts';
import './styles.css';

createApp(App).use(router).use(urql, client).mount('#app');
