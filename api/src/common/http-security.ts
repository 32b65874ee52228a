import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { currentRequestId } from './request-id.js';

/**
 * Security headers on everything served. The client is one bundle of its own scripts and styles (React sets styles
 * through the DOM, which a style-src without 'unsafe-inline' allows); PDFs are previewed in a frame from a blob URL
 * and images and media come from /files on the same origin. Nothing may frame the platform.
 */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-src': ["'self'", 'blob:'],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      },
      // Sent below only for requests that came over HTTPS: over plain HTTP the header means nothing to a browser,
      // and on a development machine it would pin localhost to HTTPS.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
      // The files a student uploads are opened in new tabs and embedded as media; nothing is cross-origin isolated.
      crossOriginEmbedderPolicy: false,
    }),
    (req: Request, res: Response, next: NextFunction) => {
      // With TRUST_PROXY, req.secure follows the load balancer's X-Forwarded-Proto.
      if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      next();
    },
  ];
}

interface BodyParserError {
  type?: string;
  status?: number;
}

const BODY_MESSAGES: Record<string, string> = {
  'entity.parse.failed': '請求內容不是正確的 JSON 物件。',
  'entity.too.large': '請求內容過大。',
  'encoding.unsupported': '不支援這種內容編碼（Content-Encoding）。',
  'charset.unsupported': '不支援這種字元編碼，請使用 UTF-8。',
  'request.aborted': '請求在傳送完成前中斷了。',
  'request.size.invalid': '請求的長度與 Content-Length 不符。',
};

/**
 * What express.json refused before GraphQL saw it (malformed JSON, a bare JSON string, an oversized body, an unknown
 * Content-Encoding): answered with its 4xx status and a GraphQL-shaped error, never as a server failure.
 */
export function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const refused = error as BodyParserError | null;
  const status = refused?.status ?? 0;
  if (status < 400 || status >= 500 || res.headersSent) {
    next(error);
    return;
  }
  res.status(status).json({
    errors: [
      {
        message: BODY_MESSAGES[refused?.type ?? ''] ?? '請求內容無法讀取（格式或壓縮不正確）。',
        extensions: { code: 'BAD_REQUEST', requestId: currentRequestId() },
      },
    ],
  });
}
