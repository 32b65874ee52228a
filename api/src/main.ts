import 'reflect-metadata';
import { bootPlatform, openDatabase } from './bootstrap.js';
import { loadConfig } from './common/config.js';
import { formatLoginTable, seedDemo } from './db/seed/demo.js';
import { jobQueueLag } from './modules/ops/metric-sources.js';
import { startServer } from './server.js';

/** A start that fails says why in one line and exits non-zero, instead of Node's bare uncaught-exception dump. */
function failStart(error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n無法啟動學生學習歷程檔案平臺：${reason}\n`);
  process.exit(1);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    failStart(error);
  }
})();
const database = await openDatabase(config).catch(failStart);
const platform = await bootPlatform(config, database.url).catch(async (error: unknown) => {
  await database.stop().catch(() => undefined);
  failStart(error);
});
const logins = config.seedDemo ? await platform.exclusively(() => seedDemo(platform.owner, platform.services)) : [];
const server = await startServer(platform.services, undefined, { jobQueueLag: jobQueueLag(platform.owner) }).catch(
  async (error: unknown) => {
    await platform.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    failStart(error);
  },
);

const lines = [
  '',
  `學生學習歷程檔案平臺已啟動：${server.url}`,
  `GraphQL：${server.url}/graphql（WebSocket 訂閱同一路徑）`,
  `資料庫：${database.embedded ? `內建 PostgreSQL（資料在 ${config.dataDir}）` : 'DATABASE_URL'}`,
];
for (const provider of config.sso.providers) {
  lines.push(
    `單一登入：${provider.label}（${provider.issuer}；回呼網址 ${platform.services.sso.redirectUri(provider)}）`,
  );
}
if (logins.length > 0) lines.push('', '示範帳號：', formatLoginTable(logins), '');
process.stdout.write(`${lines.join('\n')}\n`);

/** Beyond the grace period, the worker's running jobs and the database get this long before the process gives up. */
const CLOSE_MARGIN_MS = 15_000;

let stopping = false;
/**
 * SIGTERM (the orchestrator, a rolling deploy) or Ctrl-C: the server drains first (see RunningServer.close), then the
 * job runner finishes its running jobs and the connections close, then the database. A repeated signal changes
 * nothing (Ctrl-C reaches every process of the terminal's group, and a wrapper may pass it on once more).
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n收到 ${signal}，正在關閉…\n`);
  platform.services.log.info('shutting down', { signal, graceSeconds: config.shutdownGraceSeconds });
  // A step that never returns (a job that ignores its abort signal) must not keep the instance from being replaced.
  setTimeout(
    () => {
      process.stdout.write('關閉逾時，強制結束。\n');
      process.exit(1);
    },
    config.shutdownGraceSeconds * 1000 + CLOSE_MARGIN_MS,
  ).unref();
  // Ctrl-C in a terminal reaches the embedded PostgreSQL too, which then shuts down on its own: connections may
  // break while we close them. That is expected now, so each step goes on whatever the previous one met.
  process.on('uncaughtException', (error) => platform.services.log.warn('during shutdown', { message: error.message }));
  for (const [step, close] of [
    ['伺服器', () => server.close()],
    ['連線與背景工作', () => platform.close()],
    ['資料庫', () => database.stop()],
  ] as const) {
    try {
      await close();
      process.stdout.write(`已關閉${step}\n`);
    } catch (error) {
      process.stdout.write(`關閉${step}時發生問題：${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
