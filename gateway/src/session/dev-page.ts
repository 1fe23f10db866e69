import { DEPARTMENTS } from '@credit-hub/kit';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The development sign-in (开发环境登录): pick a role, and for an officer a department. It exists only when the
 * hub does not run in production; the page says so, so nobody mistakes it for the real sign-in.
 */
export function devSignInPage(returnTo: string): string {
  // Coming from a record's 信用修复 / 异议 entrance (/repair?…&subject=<USCC>) or 我的申请: the enterprise is the
  // likely role, and the record's subject the likely USCC (still typed over at will; /auth/dev checks it).
  const back = new URL(returnTo, 'http://site');
  const forEnterprise = back.pathname === '/repair' || back.pathname === '/my';
  const uscc = (back.searchParams.get('subject') ?? '').toUpperCase().slice(0, 18);
  const checked = (enterprise: boolean) => (enterprise === forEnterprise ? ' checked' : '');
  const departments = Object.entries(DEPARTMENTS)
    .map(([code, name]) => `<option value="${escape(code)}">${escape(name)}（${escape(code)}）</option>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>开发环境登录 · 信用信息共享平台</title>
<style>
body { font-family: system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; margin: 0; color: #1f2933; line-height: 1.6; }
header { background: #b71c1c; color: #fff; padding: 12px 24px; }
h1 { font-size: 20px; margin: 0; }
main { max-width: 480px; margin: 24px auto; padding: 0 16px; }
.warning { border: 2px solid #8a6d00; background: #fff8e1; padding: 8px 12px; border-radius: 4px; }
fieldset { border: 1px solid #cbd2d9; border-radius: 4px; margin: 16px 0; }
label { display: block; margin: 8px 0; font-size: 16px; }
select, button, input { font-size: 16px; padding: 6px 10px; }
button { background: #b71c1c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus, select:focus, input:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
</style>
</head>
<body>
<header><h1>信用信息共享平台 · 开发环境登录</h1></header>
<main>
<p class="warning" role="note">仅限开发环境：生产环境通过统一身份认证（OpenID Connect）登录，此页面不存在。</p>
<form method="post" action="/auth/dev">
<input type="hidden" name="returnTo" value="${escape(returnTo)}">
<fieldset>
<legend>选择角色</legend>
<label><input type="radio" name="role" value="officer"${checked(false)}> 部门工作人员（officer）</label>
<label><input type="radio" name="role" value="supervisor"> 监管人员（supervisor）</label>
<label><input type="radio" name="role" value="admin"> 平台管理员（admin）</label>
<label><input type="radio" name="role" value="enterprise"${checked(true)}> 企业用户（enterprise：本企业的信用修复、异议申诉和专项信用报告）</label>
</fieldset>
<label for="department">所属部门（仅部门工作人员）</label>
<select id="department" name="department">${departments}</select>
<label for="uscc">统一社会信用代码（仅企业用户）</label>
<input id="uscc" name="uscc" autocomplete="off" maxlength="18" value="${escape(uscc)}">
<p><button type="submit">登录</button></p>
</form>
</main>
</body>
</html>
`;
}
