import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { api, errorMessage } from '../../api/client';
import { saveFile } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { FilePickButton } from '../FilePickButton';
import { useNotify } from '../../state/notices';
import type { KeyFileInfo } from '../../../../shared/domain';
import { TrustKeyDialog } from './TrustKeyDialog';
import { useSettings } from '../../state/settings';

/** This office's key (its fingerprint is printed on every export) and the offices it trusts. */
export function KeysPanel() {
  const { t } = useTranslation('export');
  const notify = useNotify();
  const info = useQuery('keys.info', {});
  const { settings } = useSettings();
  const trusted = useQuery('keys.trusted', {});

  const [pending, setPending] = useState<{ keyFile: string; info: KeyFileInfo } | null>(null);

  async function trust(file: File) {
    try {
      const keyFile = await file.text();
      setPending({ keyFile, info: await api.call('keys.inspect', { keyFile }) });
    } catch (e) {
      notify('error', errorMessage(e));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('keysTitle')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('keysTitle')}
      </Typography>
      {info.data && <Typography sx={{ fontFamily: 'monospace', mb: 1 }}>{t('fingerprint', { fingerprint: info.data.fingerprint })}</Typography>}
      {info.error && (
        <Typography color="warning.main" sx={{ mb: 1 }}>
          {info.error}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button
          variant="outlined"
          disabled={!info.data}
          onClick={() => info.data && saveFile(`${settings?.officeName || info.data.office}-公钥.json`, info.data.publicKeyFile, 'application/json')}
        >
          {t('exportKey')}
        </Button>
        <FilePickButton label={t('trustKey')} accept=".json" onFiles={([file]) => void trust(file!)} />
      </Stack>
      {(trusted.data?.length ?? 0) > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('trustedList')}：{trusted.data?.map((o) => `${o.office}（${o.fingerprint.slice(0, 9)}…）`).join('、')}
        </Typography>
      )}
      {pending && (
        <TrustKeyDialog
          {...pending}
          onClose={() => setPending(null)}
          onTrusted={(office) => {
            setPending(null);
            notify('success', t('trusted', { office: office.office }));
            trusted.reload();
          }}
        />
      )}
    </Paper>
  );
}
