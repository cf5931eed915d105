import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import type { ProgressNarrative } from '../../../shared/domain';
import { stageHint } from '../../../shared/text/stage';

/**
 * The stage of the work the period's progress names ("正在进行项目招标"), for a project left to a person's
 * judgement (issue #10 point 3). A quiet hint only: stage words never make a class.
 */
export function StageHintLine({ narratives }: { narratives: readonly ProgressNarrative[] }) {
  const { t } = useTranslation('project');
  const hint = narratives.map((n) => stageHint(n.narrative)).find((h) => h !== null);
  if (!hint) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
      {t('stageHint', { words: hint.words })}
    </Typography>
  );
}
