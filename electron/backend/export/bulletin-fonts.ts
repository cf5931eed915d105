/**
 * The 公文 fonts and what stands in for each where it is not installed. A run names one font; Word and WPS take the
 * stand-in from the font table's altName (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋…), and the GB2312 charset (86) keeps any
 * further substitution among Chinese fonts, never Japanese ones.
 */
export const fonts = {
  title: { name: '方正小标宋简体', alt: '宋体', family: 'roman', pitch: 'variable' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern', pitch: 'fixed' },
  heading1: { name: '黑体', alt: 'SimHei', family: 'modern', pitch: 'fixed' },
  heading2: { name: '楷体_GB2312', alt: '楷体', family: 'modern', pitch: 'fixed' },
  pageNumber: { name: '宋体', alt: 'SimSun', family: 'auto', pitch: 'variable' },
} as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function fontTableXml(): string {
  const entries = Object.values(fonts)
    .map((f) => `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.alt)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries +
    '</w:fonts>'
  );
}
