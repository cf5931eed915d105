import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import type { Block, BulletinDocument, Run } from '../../../../shared/bulletin/types';

/** The 公文 fonts, each with the stand-ins a Windows, UOS or Kylin machine has. */
const fontStacks = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Noto Serif CJK SC", serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  heading1: '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
  heading2: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif',
};

/** 16 pt on paper; on screen one character is 1em, and a line of 28 is 28em wide, as on the page. */
const body = { fontFamily: fontStacks.body, fontSize: '1em', lineHeight: 1.8, textIndent: '2em', textAlign: 'justify' as const, m: 0 };

function RunsText({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'masthead':
      return (
        <Box sx={{ textAlign: 'center', mb: 3 }}>
          <Box sx={{ color: '#e00000', fontFamily: fontStacks.title, fontSize: '3em', letterSpacing: '0.25em', lineHeight: 1.6 }}>{block.name}</Box>
          <Box sx={{ fontFamily: fontStacks.body, my: 1 }}>{block.issue}</Box>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', fontFamily: fontStacks.body, borderBottom: '2px solid #e00000', pb: 0.5 }}>
            <span>{block.issuer}</span>
            <span>{block.date}</span>
          </Box>
        </Box>
      );
    case 'title':
      return <Box component="h3" sx={{ fontFamily: fontStacks.title, fontSize: '1.375em', fontWeight: 400, textAlign: 'center', lineHeight: 1.5, my: 2 }}>{block.text}</Box>;
    case 'heading1':
      return <Box component="h4" sx={{ ...body, fontFamily: fontStacks.heading1, fontWeight: 400 }}>{block.text}</Box>;
    case 'heading2':
      return <Box component="h5" sx={{ ...body, fontFamily: fontStacks.heading2, fontWeight: 400 }}>{block.text}</Box>;
    case 'item':
    case 'paragraph':
      return (
        <Box component="p" sx={body}>
          <RunsText runs={block.runs} />
        </Box>
      );
    case 'signature':
      return (
        <Box sx={{ textAlign: 'right', pr: '4em', mt: 3, fontFamily: fontStacks.body, lineHeight: 1.8 }}>
          {block.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </Box>
      );
    case 'distribution':
      return (
        <Box sx={{ mt: 4, py: 0.5, px: '1em', borderTop: '1px solid', borderBottom: '1px solid', fontFamily: fontStacks.body, fontSize: '0.875em', lineHeight: 1.8 }}>
          {block.label}
          {block.text}
        </Box>
      );
  }
}

/** The bulletin as it will read, from the same blocks the .docx writer is given. */
export function BulletinPreview({ document, label }: { document: BulletinDocument; label: string }) {
  return (
    <Paper variant="outlined" aria-label={label} sx={{ p: { xs: 2, md: '3.5em 2.6em' }, fontSize: 16, width: 'calc(28em + 5.2em)', maxWidth: '100%', boxSizing: 'border-box', bgcolor: '#fff', color: '#000' }}>
      {document.blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </Paper>
  );
}
