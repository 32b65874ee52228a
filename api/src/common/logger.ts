/**
 * One-line JSON logs. Callers pass facts, never request variables: those can hold passwords and national IDs.
 */
export type LogLevel = 'silent' | 'info' | 'debug';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel): Logger {
  const write = (severity: string, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ time: new Date().toISOString(), level: severity, message, ...fields });
    if (severity === 'error' || severity === 'warn') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return {
    info: (message, fields) => level !== 'silent' && write('info', message, fields),
    warn: (message, fields) => level !== 'silent' && write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    debug: (message, fields) => level === 'debug' && write('debug', message, fields),
  };
}
