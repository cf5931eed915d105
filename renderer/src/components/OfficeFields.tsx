import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { planLevels, type Settings } from '../../../shared/domain';

export type OfficeValues = Pick<Settings, 'officeName' | 'officeLevel' | 'officeRegion' | 'userName'>;

interface Props {
  values: OfficeValues;
  onChange(values: OfficeValues): void;
  errors: Partial<Record<keyof OfficeValues, string>>;
  size?: 'small' | 'medium';
}

/** Who this office is and who is using it: asked on first start, changed in 设置. */
export function OfficeFields({ values, onChange, errors, size }: Props) {
  const { t } = useTranslation(['settings', 'common']);
  const set = (key: keyof OfficeValues) => (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value });
  return (
    <Stack spacing={2}>
      <TextField
        size={size}
        label={t('officeName')}
        placeholder={t('officeNamePlaceholder')}
        value={values.officeName}
        onChange={set('officeName')}
        required
        error={Boolean(errors.officeName)}
        helperText={errors.officeName ?? t('officeNameHelp')}
      />
      <Stack direction="row" spacing={2}>
        <TextField select size={size} label={t('officeLevel')} value={values.officeLevel} onChange={set('officeLevel')} required error={Boolean(errors.officeLevel)} helperText={errors.officeLevel} sx={{ width: 180 }}>
          {planLevels.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`common:levels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField size={size} label={t('officeRegion')} placeholder={t('officeRegionPlaceholder')} value={values.officeRegion} onChange={set('officeRegion')} error={Boolean(errors.officeRegion)} helperText={errors.officeRegion} fullWidth />
      </Stack>
      <TextField
        size={size}
        label={t('userName')}
        value={values.userName}
        onChange={set('userName')}
        required
        error={Boolean(errors.userName)}
        helperText={errors.userName ?? t('userNameHelp')}
      />
    </Stack>
  );
}

/** The fields a first start needs; '' until filled. Messages name the field, as the form shows them beside it. */
export function officeErrors(values: OfficeValues, t: (key: 'officeNameRequired' | 'officeLevelRequired' | 'userNameRequired') => string) {
  const errors: Partial<Record<keyof OfficeValues, string>> = {};
  if (!values.officeName.trim()) errors.officeName = t('officeNameRequired');
  if (!values.officeLevel) errors.officeLevel = t('officeLevelRequired');
  if (!values.userName.trim()) errors.userName = t('userNameRequired');
  return errors;
}
