import { fanshopWorker } from '../worker';

export { FanshopData } from '../worker';

/**
 * A merchant's own Worker entry with hooks (docs/deploy.md, "Hooks on Workers"), as
 * src/server/worker.test.ts runs it in workerd: each hook posts what it got to `HOOK_URL`,
 * a recorder in the test, as a merchant's mailer would be called with the env's secret.
 */
export default fanshopWorker((env) => {
  const post = (kind: string, body: unknown) =>
    fetch(`${String(env.HOOK_URL)}/${kind}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${String(env.HOOK_KEY)}` }, body: JSON.stringify(body) }).then(() => undefined);
  return { onRestock: (notice) => post('restock', notice), onOrder: (order) => post('order', order) };
});
