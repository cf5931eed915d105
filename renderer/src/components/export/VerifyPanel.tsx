import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { VerifyReport } from '../../../../shared/domain';
import { FilePickButton } from '../FilePickButton';
import { api, errorMessage } from '../../api/client';
import { readAsBase64 } from '../../api/files';
import { useNotify } from '../../state/notices';

/** A table received from a subordinate office: is it what they signed, and who signed it? */
export function VerifyPanel() {
  const { t } = useTranslation('export');
  const notify = useNotify();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [received, setReceived] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(file: File) {
    setError(null);
    setReport(null);
    try {
      const content = { fileName: file.name, contentBase64: await readAsBase64(file) };
      setReceived(content);
      setReport(await api.call('verify.file', content));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  /** Trust on first sight, after the user has compared the fingerprint with the sender (by phone, say). */
  async function trustSigner() {
    if (!received || !report?.fingerprint || !window.confirm(t('trustConfirm', { office: report.office ?? '—', fingerprint: report.fingerprint }))) return;
    try {
      const office = await api.call('keys.trustSeal', received);
      notify('success', t('trusted', { office: office.office }));
      setReport(await api.call('verify.file', received));
    } catch (e) {
      notify('error', errorMessage(e));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="section" aria-label={t('verifyTitle')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('verifyTitle')}
      </Typography>
      <FilePickButton label={t('verifyPick')} accept=".xlsx" onFiles={([file]) => void verify(file!)} />
      {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
      {report && !report.sealed && <Alert severity="error" sx={{ mt: 2 }}>没有找到台账签章，无法核验。</Alert>}
      {report?.sealed && (
        <>
          <Alert severity={report.valid ? 'success' : 'error'} sx={{ mt: 2 }}>
            {report.fingerprint === null
              ? t('sealDamaged')
              : report.valid
                ? t('verifyValid', { office: report.office ?? '—', signer: report.signer ?? '—' })
                : report.origin === 'keyMismatch'
                  ? t('keyMismatch', { office: report.office ?? '—', fingerprint: report.fingerprint, trusted: report.trustedFingerprint ?? '—' })
                  : t('verifyInvalid', { n: report.changes.length })}
          </Alert>
          {report.origin && report.origin !== 'keyMismatch' && <OriginNote report={report} onTrust={() => void trustSigner()} />}
          {report.warnings.length > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('verifyWarnings')}
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          )}
          {report.changes.length > 0 && (
            <Table size="small" sx={{ mt: 1 }} aria-label={t('verifyInvalid', { n: report.changes.length })}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('changeRow')}</TableCell>
                  <TableCell>{t('changeColumn')}</TableCell>
                  <TableCell>{t('expected')}</TableCell>
                  <TableCell>{t('found')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.changes.map((c, i) => (
                  <TableRow key={i} sx={{ bgcolor: '#fff3e0' }}>
                    <TableCell>{c.row}</TableCell>
                    <TableCell>{c.column}</TableCell>
                    <TableCell>{c.expected}</TableCell>
                    <TableCell sx={{ color: 'error.main', fontWeight: 600 }}>{c.found}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Paper>
  );
}

/** Whose key signed: this office, a trusted office, or a key not yet trusted — with the fingerprint to compare. */
function OriginNote({ report, onTrust }: { report: VerifyReport; onTrust(): void }) {
  const { t } = useTranslation('export');
  const fingerprint = report.fingerprint ?? '—';
  if (report.origin === 'own') return <Alert severity="info" sx={{ mt: 1 }}>{t('ownSeal', { fingerprint })}</Alert>;
  if (report.origin === 'trusted') return <Alert severity="info" sx={{ mt: 1 }}>{t('knownSigner', { fingerprint })}</Alert>;
  return (
    <Alert
      severity="warning"
      sx={{ mt: 1 }}
      action={
        <Button color="inherit" size="small" onClick={onTrust}>
          {t('trustSigner')}
        </Button>
      }
    >
      {t('unconfirmedSigner', { office: report.office ?? '—', fingerprint })}
    </Alert>
  );
}
