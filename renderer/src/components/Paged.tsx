import { useState, type ReactNode } from 'react';
import TablePagination from '@mui/material/TablePagination';

/**
 * A long list a page at a time: a county plan has dozens of rows, but a merged table can have thousands, and
 * rendering them all at once freezes the window. Below `threshold` items there is no pager at all.
 * Give the caller's filters as `resetKey`: a new filter starts again at page one.
 */
export function usePaged<T>(items: readonly T[], options: { perPage?: number; threshold?: number; resetKey?: string } = {}): { page: readonly T[]; pager: ReactNode } {
  const [perPage, setPerPage] = useState(options.perPage ?? 100);
  const [state, setState] = useState({ page: 0, key: options.resetKey });
  const page = state.key === options.resetKey ? Math.min(state.page, Math.max(0, Math.ceil(items.length / perPage) - 1)) : 0;
  const threshold = options.threshold ?? 25;
  return {
    page: items.length <= threshold ? items : items.slice(page * perPage, (page + 1) * perPage),
    pager:
      items.length > threshold ? (
        <TablePagination
          component="div"
          count={items.length}
          page={page}
          onPageChange={(_e, p) => setState({ page: p, key: options.resetKey })}
          rowsPerPage={perPage}
          rowsPerPageOptions={[25, 50, 100, 500]}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setState({ page: 0, key: options.resetKey });
          }}
        />
      ) : null,
  };
}
