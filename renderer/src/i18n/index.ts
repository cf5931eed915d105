import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './zh-CN/common';
import exporting from './zh-CN/export';
import importing from './zh-CN/import';
import nav from './zh-CN/nav';
import overview from './zh-CN/overview';
import plans from './zh-CN/plans';
import project from './zh-CN/project';
import projects from './zh-CN/projects';
import settings from './zh-CN/settings';
import status from './zh-CN/status';
import units from './zh-CN/units';
import recovery from './zh-CN/recovery';

/** Every string is bundled: no request at run time. One namespace per screen. */
export const resources = { 'zh-CN': { common, export: exporting, import: importing, nav, overview, plans, project, projects, settings, status, units, recovery } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
