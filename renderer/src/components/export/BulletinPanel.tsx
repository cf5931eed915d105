import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { buildBulletin } from '../../../../shared/bulletin';
import { bulletinTemplates, type BulletinDraft, type BulletinOptions } from '../../../../shared/bulletin/types';
import type { Period } from '../../../../shared/domain';
import { api, errorMessage } from '../../api/client';
import { fromBase64, saveFile } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { useNotify } from '../../state/notices';
import { BulletinPreview } from './BulletinPreview';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 生成通报 for a signed period: the choices on the left, the document as it will read on the right. */
export function BulletinPanel({ period }: { period: Period }) {
  const { t } = useTranslation('export');
  const draft = useQuery('bulletin.draft', { periodId: period.id });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('bulletin.title')}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('bulletin.title')}
      </Typography>
      {draft.error && <Alert severity="info">{draft.error}</Alert>}
      {!draft.data && !draft.error && <Typography variant="body2">{t('bulletin.loading')}</Typography>}
      {draft.data && <BulletinEditor key={draft.data.revision} period={period} draft={draft.data} />}
    </Paper>
  );
}

function BulletinEditor({ period, draft }: { period: Period; draft: BulletinDraft }) {
  const { t } = useTranslation('export');
  const notify = useNotify();
  const [options, setOptions] = useState<BulletinOptions>(draft.options);
  const [busy, setBusy] = useState(false);
  const document = useMemo(() => buildBulletin(draft.source, options), [draft.source, options]);
  const set = <K extends keyof BulletinOptions>(key: K, value: BulletinOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const issueValid = Number.isInteger(options.issue) && options.issue > 0;

  async function generate() {
    setBusy(true);
    try {
      const file = await api.call('bulletin.write', { periodId: period.id, revision: draft.revision, ...options });
      saveFile(file.fileName, fromBase64(file.contentBase64), docxType);
      notify('success', t('bulletin.generated', { file: file.fileName }));
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('bulletin.help', { n: draft.revision })}
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={2} sx={{ width: { xs: '100%', lg: 340 }, flexShrink: 0, position: { lg: 'sticky' }, top: { lg: 80 } }}>
          <TextField select size="small" label={t('bulletin.template')} value={options.template} onChange={(e) => set('template', e.target.value as BulletinOptions['template'])}>
            {bulletinTemplates.map((tpl) => (
              <MenuItem key={tpl} value={tpl}>
                {t(`bulletin.templates.${tpl}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField
              size="small"
              type="number"
              label={t('bulletin.issue')}
              value={Number.isNaN(options.issue) ? '' : options.issue}
              onChange={(e) => set('issue', e.target.value === '' ? Number.NaN : Number(e.target.value))}
              error={!issueValid}
              slotProps={{ htmlInput: { min: 1, max: 9999 } }}
              sx={{ width: 110 }}
            />
            <TextField size="small" type="date" label={t('bulletin.date')} value={options.date} onChange={(e) => set('date', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ flex: 1 }} />
          </Stack>
          <TextField size="small" label={t('bulletin.issuer')} value={options.issuer} onChange={(e) => set('issuer', e.target.value)} />
          <TextField size="small" multiline minRows={4} maxRows={12} label={t('bulletin.requirements')} helperText={t('bulletin.requirementsHelp')} value={options.requirements} onChange={(e) => set('requirements', e.target.value)} />
          <TextField size="small" multiline minRows={2} maxRows={6} label={t('bulletin.distribution')} value={options.distribution} onChange={(e) => set('distribution', e.target.value)} />
          <Button variant="contained" disabled={busy || !issueValid || !options.date} onClick={() => void generate()}>
            {t('bulletin.generate')}
          </Button>
        </Stack>
        <BulletinPreview document={document} label={t('bulletin.preview')} />
      </Stack>
    </Stack>
  );
}
