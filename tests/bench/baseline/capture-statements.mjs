// Loaded into the platform's process by ratios.bench.ts (NODE_OPTIONS=--import …) to capture, at run time, the SQL
// statements one request sends, for pgbench to replay (pgbench-capture.ts). With BENCH_CAPTURE_FILE set, it wraps
// pg's Client#query; SIGUSR2 starts a capture, the next SIGUSR2 stops it and writes what was sent (text, parameters
// as the driver sends them, the login and a number per connection) to that file as JSON. Between captures the
// wrapper only checks a flag.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_CAPTURE_FILE;
if (file) {
  // The api workspace's pg: the same module instance the platform's pools and MikroORM's knex load.
  const require = createRequire(new URL('../../../api/package.json', import.meta.url));
  const pg = require('pg');
  const { prepareValue } = require('pg/lib/utils');
  const connections = new WeakMap();
  let nextConnection = 1;
  let capturing = false;
  let captured = [];
  const asText = (value) => {
    const prepared = prepareValue(value);
    if (prepared === null || prepared === undefined) return null;
    return Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared);
  };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values) {
    if (capturing) {
      const text = typeof config === 'string' ? config : config?.text;
      const params = Array.isArray(values) ? values : config?.values;
      if (typeof text === 'string') {
        if (!connections.has(this)) connections.set(this, nextConnection++);
        captured.push({
          connection: connections.get(this),
          user: this.user ?? this.connectionParameters?.user ?? null,
          text,
          params: Array.isArray(params) ? params.map(asText) : [],
        });
      }
    }
    return query.apply(this, arguments);
  };
  process.on('SIGUSR2', () => {
    if (!capturing) {
      captured = [];
      capturing = true;
    } else {
      capturing = false;
      writeFileSync(file, JSON.stringify(captured));
      captured = [];
    }
  });
}
