import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [String(item.role)] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);

describe('application menu', () => {
  const options = { platform: 'win32' as const, appName: '民生实事台账', appVersion: '0.1.0', showAbout: () => undefined };

  it('has 文件/编辑/视图/帮助 with standard roles', () => {
    const template = buildMenuTemplate({ ...options, isPackaged: true });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles(template)).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn']));
  });

  it('offers developer tools only when not packaged', () => {
    expect(roles(buildMenuTemplate({ ...options, isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ ...options, isPackaged: false }))).toContain('toggleDevTools');
  });
});
