import 'reflect-metadata';
import { bootPlatform, openDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { formatLoginTable, seedDemo } from './db/seed/demo.js';
import { startServer } from './server.js';

const config = loadConfig();
const database = await openDatabase(config);
const platform = await bootPlatform(config, database.url);
const logins = config.seedDemo ? await seedDemo(platform.owner, platform.services) : [];
const server = await startServer(platform.services);

const lines = [
  '',
  `學生學習歷程檔案平臺已啟動：${server.url}`,
  `GraphQL：${server.url}/graphql（WebSocket 訂閱同一路徑）`,
  `資料庫：${database.embedded ? `內建 PostgreSQL（資料在 ${config.dataDir}）` : 'DATABASE_URL'}`,
];
if (logins.length > 0) lines.push('', '示範帳號：', formatLoginTable(logins), '');
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n收到 ${signal}，正在關閉…\n`);
  await server.close();
  await platform.close();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
