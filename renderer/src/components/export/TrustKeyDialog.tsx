import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { KeyFileInfo, TrustedOffice } from '../../../../shared/domain';
import { api, errorMessage } from '../../api/client';
import { FormDialog } from '../FormDialog';

/**
 * Trusting a key is a decision: the key file's fingerprint is shown to be compared with the office by telephone,
 * and the office's name is asked for (the file's own claim is only the suggestion) before it is trusted.
 */
export function TrustKeyDialog({ keyFile, info, onClose, onTrusted }: { keyFile: string; info: KeyFileInfo; onClose(): void; onTrusted(office: TrustedOffice): void }) {
  const { t } = useTranslation('export');
  const [office, setOffice] = useState(info.office);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!office.trim()) return setError(t('trustOfficeMissing'));
    setSaving(true);
    try {
      onTrusted(await api.call('keys.trust', { keyFile, office: office.trim() }));
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  }

  return (
    <FormDialog title={t('trustKeyTitle')} submitLabel={t('trustKeySubmit')} onClose={onClose} onSubmit={(e) => void submit(e)} error={error} saving={saving}>
      <Typography>{t('trustKeyCompare')}</Typography>
      <Typography sx={{ fontFamily: 'monospace', fontSize: 15, wordBreak: 'break-all' }} aria-label={t('trustKeyFingerprint')}>
        {info.fingerprint}
      </Typography>
      {info.trustedAs && <Typography color="text.secondary">{t('trustKeyAlready', { office: info.trustedAs })}</Typography>}
      <TextField label={t('trustKeyOffice')} value={office} onChange={(e) => setOffice(e.target.value)} helperText={t('trustKeyOfficeHelp')} autoFocus required />
    </FormDialog>
  );
}
