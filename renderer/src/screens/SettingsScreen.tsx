import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Settings } from '../../../shared/domain';
import type { RulePreset } from '../../../shared/status/presets';
import { api, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useNotify } from '../state/notices';
import { UnitsDirectory } from '../components/UnitsDirectory';
import { KeysPanel } from '../components/export/KeysPanel';
import { BackupsPanel } from '../components/BackupsPanel';
import { OfficeFields, officeErrors, type OfficeValues } from '../components/OfficeFields';
import { useSettings } from '../state/settings';
import { customPresetInput } from '../../../shared/api/contract';
import { fieldErrors } from '../components/validation';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'units', 'common']);
  const info = useQuery('app.info', {});
  const { settings, reload: reloadSettings } = useSettings();
  const presets = useQuery('presets.list', {});
  const rows: [string, string][] = info.data
    ? [
        [t('version'), info.data.version],
        [t('schemaVersion'), String(info.data.schemaVersion)],
        [t('dbPath'), info.data.dbPath],
        [t('journalMode'), info.data.journalMode === 'wal' ? t('journalWal') : t('journalOther', { mode: info.data.journalMode })],
      ]
    : [];
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      {info.error && <Alert severity="error">{t('common:loadFailed', { message: info.error })}</Alert>}
      {settings && presets.data && (
        <PreferencesForm key={JSON.stringify(settings)} settings={settings} presets={presets.data} onSaved={reloadSettings} onPresetSaved={presets.reload} />
      )}
      {/* Keyed by the office name: the key is labelled with it, so a new name shows on the key at once. */}
      <KeysPanel key={settings?.officeName ?? ''} />
      <BackupsPanel />
      <Card title={t('units:title')}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('units:help')}
        </Typography>
        <UnitsDirectory />
      </Card>
      <Card title={t('about')}>
        <Table size="small" aria-label={t('about')}>
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ width: 160, color: 'text.secondary' }}>
                  {label}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ pt: 2 }}>
          {t('backupHint')}
        </Typography>
      </Card>
    </Stack>
  );
}

function PreferencesForm({ settings, presets, onSaved, onPresetSaved }: { settings: Settings; presets: RulePreset[]; onSaved(): Promise<void>; onPresetSaved(): void }) {
  const { t } = useTranslation(['settings', 'common']);
  const notify = useNotify();
  const [office, setOffice] = useState<OfficeValues>({ officeName: settings.officeName, officeLevel: settings.officeLevel, officeRegion: settings.officeRegion, userName: settings.userName });
  const [officeErrorsShown, setOfficeErrors] = useState<Partial<Record<keyof OfficeValues, string>>>({});
  const [presetName, setPresetName] = useState(settings.presetName);
  const custom = presets.find((p) => p.name === 'custom');
  const [kind, setKind] = useState<'gap' | 'ratio'>(custom?.kind ?? 'gap');
  const [customErrors, setCustomErrors] = useState<Record<string, string>>({});
  const start = custom ?? presets.find((p) => p.kind === kind);
  const [thresholds, setThresholds] = useState<Record<string, string>>(() => ({
    yellowGap: String(start?.kind === 'gap' ? start.yellowGap : 10),
    redGap: String(start?.kind === 'gap' ? start.redGap : 30),
    yellowBelow: String(start?.kind === 'ratio' ? start.yellowBelow : 0.8),
    redBelow: String(start?.kind === 'ratio' ? start.redBelow : 0.6),
  }));

  const run = async (work: () => Promise<string>) => {
    try {
      notify('success', await work());
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const field = (key: string) => (
    <TextField
      key={key}
      size="small"
      label={t(key as 'yellowGap')}
      value={thresholds[key]}
      onChange={(e) => {
        setThresholds((v) => ({ ...v, [key]: e.target.value }));
        setCustomErrors((v) => ({ ...v, [key]: '' }));
      }}
      error={Boolean(customErrors[key])}
      helperText={customErrors[key]}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ flex: 1 }}
    />
  );

  return (
    <>
      <Card title={t('user')}>
        <Stack spacing={2} sx={{ maxWidth: 560 }}>
          <OfficeFields
            size="small"
            values={office}
            onChange={(next) => {
              setOffice(next);
              setOfficeErrors({});
            }}
            errors={officeErrorsShown}
          />
          <div>
            <Button
              variant="contained"
              onClick={() => {
                const missing = officeErrors(office, t);
                setOfficeErrors(missing);
                if (Object.keys(missing).length === 0) void run(async () => (await api.call('settings.update', { ...office, officeLevel: office.officeLevel || undefined }), await onSaved(), t('saved')));
              }}
            >
              {t('common:save')}
            </Button>
          </div>
        </Stack>
      </Card>
      <Card title={t('rules')}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2}>
            <TextField select size="small" label={t('presetLabel')} value={presetName} onChange={(e) => setPresetName(e.target.value)} sx={{ minWidth: 280 }}>
              {presets.map((p) => (
                <MenuItem key={p.name} value={p.name}>
                  {t('presetOption', { label: p.label, version: p.version })}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" onClick={() => void run(async () => (await api.call('settings.update', { presetName }), await onSaved(), t('saved')))}>
              {t('common:save')}
            </Button>
          </Stack>
          <Typography variant="subtitle2">{t('customTitle')}</Typography>
          <Stack direction="row" spacing={2}>
            <TextField select size="small" label={t('customKind')} value={kind} onChange={(e) => setKind(e.target.value as 'gap' | 'ratio')} sx={{ minWidth: 200 }}>
              <MenuItem value="gap">{t('kindGap')}</MenuItem>
              <MenuItem value="ratio">{t('kindRatio')}</MenuItem>
            </TextField>
            {(kind === 'gap' ? ['yellowGap', 'redGap'] : ['yellowBelow', 'redBelow']).map(field)}
          </Stack>
          <div>
            <Button
              variant="outlined"
              onClick={() =>
                void run(async () => {
                  const keys = kind === 'gap' ? ['yellowGap', 'redGap'] : ['yellowBelow', 'redBelow'];
                  // '' and 'abc' are not numbers: said beside the field rather than sent as null.
                  const values = Object.fromEntries(keys.map((k) => [k, thresholds[k]!.trim() === '' ? NaN : Number(thresholds[k])]));
                  const checked = customPresetInput.safeParse({ kind, ...values });
                  if (!checked.success) {
                    setCustomErrors(fieldErrors(checked.error));
                    throw new Error(t('customInvalid'));
                  }
                  const saved = await api.call('presets.saveCustom', { kind, ...values });
                  onPresetSaved();
                  return t('customSaved', { version: saved.version });
                })
              }
            >
              {t('saveCustom')}
            </Button>
          </div>
        </Stack>
      </Card>
    </>
  );
}
