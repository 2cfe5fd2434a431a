// Narrow a search to one type, language or collection.
import { useTranslation } from 'react-i18next';
import type { ItemType } from '../../../main/api';
import type { SearchFilters as Filters } from '../screens/route';
import { languageName } from './format';

interface SearchFiltersProps {
  filters: Filters;
  languages: string[];
  collections: string[];
  onChange: (filters: Filters) => void;
}

const TYPES: ItemType[] = ['article', 'book', 'video'];

export function SearchFilters({ filters, languages, collections, onChange }: SearchFiltersProps) {
  const { t, i18n } = useTranslation();
  const select = (
    id: string,
    label: string,
    value: string | undefined,
    options: Array<[string, string]>,
    set: (v: string | undefined) => void,
  ) => (
    <label className="filter" htmlFor={id}>
      <span className="filter-label">{label}</span>
      <select id={id} className="select" value={value ?? ''} onChange={(e) => set(e.target.value || undefined)}>
        <option value="">{t('search.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t('search.filters')}</legend>
      {select(
        'filter-type',
        t('search.filterType'),
        filters.type,
        TYPES.map((type) => [type, t(`type.${type}`)]),
        (v) => onChange({ ...filters, type: v as ItemType | undefined }),
      )}
      {languages.length > 1 &&
        select(
          'filter-language',
          t('search.filterLanguage'),
          filters.language,
          languages.map((l) => [l, languageName(l, i18n.language)]),
          (v) => onChange({ ...filters, language: v }),
        )}
      {collections.length > 0 &&
        select(
          'filter-collection',
          t('search.filterCollection'),
          filters.collection,
          collections.map((c) => [c, c]),
          (v) => onChange({ ...filters, collection: v }),
        )}
    </fieldset>
  );
}
