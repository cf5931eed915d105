import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SignOffCheck } from '../../../../shared/domain';

export function checkCount(check: SignOffCheck | undefined): number {
  return check ? check.manual.length + check.contradicting.length + check.sameAsLast.length : 0;
}

/**
 * Before the signature: rows still 待人工判定, overrides the numbers contradict, progress copied from the
 * period before. Signing waits until the person says they have seen them.
 */
export function SignOffCheckList({ check, seen, onSeen }: { check: SignOffCheck; seen: boolean; onSeen(seen: boolean): void }) {
  const { t } = useTranslation('export');
  const count = checkCount(check);
  if (count === 0) return <Alert severity="success">{t('check.clean')}</Alert>;
  const groups = (['manual', 'contradicting', 'sameAsLast'] as const).filter((g) => check[g].length > 0);
  return (
    <Stack spacing={1} component="section" aria-label={t('check.title')}>
      <Alert severity="warning">{t('check.summary', { count, asOf: check.asOf })}</Alert>
      {groups.map((g) => (
        <div key={g}>
          <Typography variant="subtitle2">{t(`check.${g}`, { count: check[g].length })}</Typography>
          <List dense disablePadding>
            {check[g].map((item) => (
              <ListItem key={item.projectId} disableGutters>
                <ListItemText primary={`${item.seq}. ${item.title}`} secondary={item.detail} />
              </ListItem>
            ))}
          </List>
        </div>
      ))}
      <FormControlLabel control={<Checkbox checked={seen} onChange={(e) => onSeen(e.target.checked)} />} label={t('check.seen')} />
    </Stack>
  );
}
