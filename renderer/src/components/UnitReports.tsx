import { useTranslation } from 'react-i18next';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Indicator, ProgressRecord } from '../../../shared/domain';
import { localDateTime } from '../../../shared/text/datetime';
import { trimNumber } from '../../../shared/status/format';

/**
 * Who reported what for one period, when several units report on one project (县城管局 and 县住建局 each
 * their share). Where the project as a whole has no figure, the units' figures are added up — as the
 * status engine does — and shown as 合计. Choosing a row opens that unit's report in the form below.
 */
export function UnitReports({ record, indicators, onChoose }: { record: ProgressRecord; indicators: Indicator[]; onChoose(unit: string | null): void }) {
  const { t } = useTranslation('project');
  const units = [...new Set([...record.narratives.map((n) => n.unit), ...record.actuals.map((a) => a.unit)])].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : a.localeCompare(b, 'zh-CN'),
  );
  if (!units.some((u) => u !== null)) return null;
  const actual = (unit: string | null, indicatorId: number) => record.actuals.find((a) => a.unit === unit && a.indicatorId === indicatorId)?.actual ?? null;
  const sum = (indicatorId: number) => {
    if (actual(null, indicatorId) !== null) return null;
    const values = units.filter((u) => u !== null).map((u) => actual(u, indicatorId)).filter((v) => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  const figure = (value: number | null) => (value === null ? '—' : trimNumber(value));

  return (
    <Table size="small" aria-label={t('unitReports')}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 140 }}>{t('reportingUnit')}</TableCell>
          <TableCell>{t('narrative')}</TableCell>
          {indicators.map((i) => (
            <TableCell key={i.id} align="right" sx={{ width: 110 }}>
              {i.name}
            </TableCell>
          ))}
          <TableCell sx={{ width: 170 }}>{t('reportedBy')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {units.map((unit) => {
          const n = record.narratives.find((x) => x.unit === unit);
          return (
            <TableRow
              key={unit ?? ''}
              hover
              tabIndex={0}
              onClick={() => onChoose(unit)}
              onKeyDown={(e) => e.key === 'Enter' && onChoose(unit)}
              sx={{ cursor: 'pointer' }}
            >
              <TableCell>{unit ?? t('wholeProject')}</TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                  {n?.narrative || '—'}
                </Typography>
              </TableCell>
              {indicators.map((i) => (
                <TableCell key={i.id} align="right">
                  {figure(actual(unit, i.id))}
                </TableCell>
              ))}
              <TableCell>
                <Typography variant="caption" color="text.secondary">
                  {n ? `${n.actor || '—'} · ${localDateTime(n.updatedAt)}` : ''}
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
        {indicators.some((i) => sum(i.id) !== null) && (
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{t('unitsTotal')}</TableCell>
            <TableCell />
            {indicators.map((i) => (
              <TableCell key={i.id} align="right" sx={{ fontWeight: 600 }}>
                {sum(i.id) === null ? '' : figure(sum(i.id))}
              </TableCell>
            ))}
            <TableCell />
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
