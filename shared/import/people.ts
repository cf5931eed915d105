/** Who a row names: its lead and support units, the people responsible and the leaders, from their cells. */
import { uniqueNames } from '../names';
import type { ImportWarning } from '../types/preview';
import { partition, remembered } from './cells';
import { splitPeople, splitUnitProgress, splitUnitRoles } from './split';

/** How the name of an organisation ends (县住建局, 城关镇, 县供电公司). */
export const orgSuffix = /(局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处)$/;

/** A name of two to four characters that ends like no organisation does: 张三, 欧阳明. */
const looksLikePerson = (name: string): boolean => /^[\u3400-\u9fff]{2,4}$/.test(name) && !orgSuffix.test(name) && !/^[县区市乡镇村街各省]/.test(name);

/** The cells of one row that name units and people, as written. */
export interface PeopleCells {
  lead: string;
  support: string;
  people: string;
  leaders: string;
  progress: string;
}

export interface RowPeople {
  leadUnits: string[];
  supportUnits: string[];
  responsiblePeople: string[];
  leaders: string[];
  unitProgress: { unit: string; text: string }[];
}

/**
 * Reads the unit and people cells of a table's rows. The same few cells recur on every row, so each distinct
 * text is split once. `leadHoldsPeople`: a "牵头单位及责任人" column, whose people are the people responsible.
 */
export function peopleReader(leadHoldsPeople: boolean): (cells: PeopleCells, sourceRow: number, warnings: ImportWarning[]) => RowPeople {
  const unitRolesOf = remembered(splitUnitRoles);
  const peopleOf = remembered(splitPeople);
  const namesOf = (cells: PeopleCells): RowNames => {
    const leadCell = unitRolesOf(cells.lead);
    const supportCell = unitRolesOf(cells.support);
    const [leadUnits, namedPeople] = leadHoldsPeople ? partition(leadCell.lead, looksLikePerson) : [[...leadCell.lead], []];
    const supportUnits = uniqueNames([...leadCell.support, ...supportCell.lead, ...supportCell.support]);
    const responsiblePeople = uniqueNames([...peopleOf(cells.people), ...leadCell.people, ...namedPeople, ...supportCell.people]);
    return { leadUnits, supportUnits, responsiblePeople, units: [...leadUnits, ...supportUnits] };
  };
  // Rows repeat the same few unit and people cells together: their names are worked out once for each three,
  // and the rows that write them alike share the lists (nothing changes a row's lists once it is read).
  const named = new Map<string, Map<string, Map<string, RowNames>>>();
  const rememberedNames = (cells: PeopleCells): RowNames => {
    let bySupport = named.get(cells.lead);
    if (bySupport === undefined) named.set(cells.lead, (bySupport = new Map()));
    let byPeople = bySupport.get(cells.support);
    if (byPeople === undefined) bySupport.set(cells.support, (byPeople = new Map()));
    let names = byPeople.get(cells.people);
    if (names === undefined) byPeople.set(cells.people, (names = namesOf(cells)));
    return names;
  };
  return (cells, sourceRow, warnings) => {
    const { leadUnits, supportUnits, responsiblePeople, units } = rememberedNames(cells);
    const split = cells.progress ? splitUnitProgress(cells.progress, units) : [];
    for (const part of split) {
      if (!part.known && units.length > 0) {
        warnings.push({ row: sourceRow, code: 'PROGRESS_UNIT_UNKNOWN', message: `第 ${sourceRow} 行的工作进度中写有“${part.unit}”，但它不在本行的责任单位中，请核对。` });
      }
    }
    return { leadUnits, supportUnits, responsiblePeople, leaders: peopleOf(cells.leaders), unitProgress: split.map(({ unit, text }) => ({ unit, text })) };
  };
}

/** The units and people of a row's unit and people cells, and all its units together (to split its progress). */
type RowNames = Omit<RowPeople, 'leaders' | 'unitProgress'> & { units: string[] };
