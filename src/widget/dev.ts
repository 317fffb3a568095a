// `npm run dev` only: mounts the shop from source into index.html's <div data-fanshop>.
import { autoMount } from './index';

autoMount(null, null);
