import type { Express, Request, Response } from 'express';

/**
 * A browser asking for a page gets a page: a rate limit reached from the site is answered with a short Chinese
 * notice (请稍后再试) and `Retry-After`, not a raw 429 body. GraphQL clients (Accept: JSON) keep the JSON error.
 */
export const wantsPage = (req: Request): boolean =>
  req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

export function busyPage(retryAfterSeconds: number | null): string {
  const wait =
    retryAfterSeconds === null
      ? '请稍候片刻再试。'
      : `请在 ${retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} 分钟` : `${retryAfterSeconds} 秒`}后再试。`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>访问繁忙，请稍后再试 · 信用信息共享平台</title>
<style>
body { font-family: system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; margin: 0; color: #1f2933; line-height: 1.6; background: #f5f7fa; }
main { max-width: 560px; margin: 10vh auto; background: #fff; padding: 32px; border-radius: 8px; border: 1px solid #cbd2d9; }
h1 { font-size: 24px; margin: 0 0 16px; }
p { font-size: 18px; }
a { color: #1d4ed8; }
a:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>访问繁忙，请稍后再试</h1>
<p>您在短时间内的访问次数较多，为保障平台对所有人可用，本次请求暂未处理。${wait}</p>
<p><a href="/">返回首页</a></p>
</main>
</body>
</html>
`;
}

/** Answers a limited request with the page: 429 and Retry-After (seconds). */
export function sendBusyPage(res: Response, retryAfterSeconds: number): void {
  res
    .status(429)
    .set('Retry-After', String(retryAfterSeconds))
    .set('Cache-Control', 'no-store')
    .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
    .type('html')
    .send(busyPage(retryAfterSeconds));
}

/** GET /busy: the same notice as a page of its own, for the site to show when its API calls are limited. */
export function mountBusyPage(app: Express): void {
  app.get('/busy', (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .type('html')
      .send(busyPage(null));
  });
}
