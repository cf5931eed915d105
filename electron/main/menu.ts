/**
 * The application menu: 文件 / 编辑 / 视图 / 帮助 with Electron's standard roles.
 * Only a type import from Electron, so tests can inspect the template in plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
  appVersion: string;
  showAbout: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新载入' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!options.isPackaged) {
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  return [
    {
      label: '文件',
      submenu: [options.platform === 'darwin' ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      role: 'help',
      submenu: [{ label: `关于${options.appName}`, click: () => options.showAbout() }],
    },
  ];
}
