import type { SsoMessages } from './sso.en.js';

/** 单点登录相关的简体中文文案（与英文文件的键一一对应）。 */
export const ssoZhCN: SsoMessages = {
  button: '使用 {{provider}} 登录',
  busy: '正在登录…',
  waiting: '请在网页浏览器中完成登录，然后回到这里。',
  or: '或',
  passwordsOff: '此服务器已关闭密码登录。',
  breakGlass: '应急管理员登录',
  hideBreakGlass: '收起密码登录',
  error: {
    disabled: '您的账号已被停用，请联系管理员重新启用。',
    unknown_user: '没有与您的 {{provider}} 登录信息对应的 Sidecoach 账号，请联系管理员为您添加。',
    expired: '登录超时或该登录已被使用，请重试。',
    refused: '{{provider}} 未确认您的登录，请重试。',
    unavailable: '暂时无法连接 {{provider}}，请稍后重试或联系管理员。',
    state: '浏览器返回的结果不属于本次登录，请重试。',
    timeout: '在浏览器中登录用时过长，请重试。',
    browser: '未能打开网页浏览器，请重试。',
    code: '登录码已过期或已被使用，请重试。',
    insecure: '单点登录需要通过安全连接（https）访问服务器。',
  },
};
