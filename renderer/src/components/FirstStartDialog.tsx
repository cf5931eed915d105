import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import type { Settings } from '../../../shared/domain';
import { api, errorMessage } from '../api/client';
import { FormDialog } from './FormDialog';
import { OfficeFields, officeErrors, type OfficeValues } from './OfficeFields';

/**
 * On first start (no office name yet): who this office is, before anything is signed in its name, and who is
 * using it, so the history names a person rather than the computer's login.
 */
export function FirstStartDialog({ settings, onDone }: { settings: Settings; onDone(): void }) {
  const { t } = useTranslation(['settings', 'common']);
  const [values, setValues] = useState<OfficeValues>({ officeName: '', officeLevel: settings.officeLevel, officeRegion: settings.officeRegion, userName: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof OfficeValues | '_', string>>>({});
  const [saving, setSaving] = useState(false);
  const [later, setLater] = useState(false);
  if (later) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = officeErrors(values, t);
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setSaving(true);
    try {
      await api.call('settings.update', { ...values, officeLevel: values.officeLevel || undefined });
      onDone();
    } catch (error) {
      setErrors({ _: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog title={t('firstStartTitle')} onClose={() => setLater(true)} onSubmit={(e) => void submit(e)} submitLabel={t('firstStartSave')} error={errors._} saving={saving}>
      <Typography variant="body2" color="text.secondary">
        {t('firstStartHelp')}
      </Typography>
      <OfficeFields
        values={values}
        onChange={(next) => {
          setValues(next);
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => (next as Record<string, string>)[k] === (values as Record<string, string>)[k])));
        }}
        errors={errors}
      />
    </FormDialog>
  );
}
