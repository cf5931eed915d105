import { createTheme } from '@mui/material/styles';
import { zhCN as materialZhCN } from '@mui/material/locale';
import { zhCN as gridZhCN } from '@mui/x-data-grid/locales';

/** Fonts present on Windows, macOS, UOS and Kylin, in that order; nothing is downloaded. */
export const cjkFontStack = [
  '"Microsoft YaHei"',
  '"微软雅黑"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#b71c1c' },
      secondary: { main: '#1565c0' },
      background: { default: '#f5f5f7' },
    },
    typography: { fontFamily: cjkFontStack, fontSize: 14 },
    shape: { borderRadius: 6 },
    components: {
      // Chinese has no case; keep 'Excel' and 'CSV' as written.
      MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    },
  },
  materialZhCN,
  gridZhCN,
);
