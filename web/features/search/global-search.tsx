import '../dashboard/stats.i18n';
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TSearchHit } from '../../../domain/schemas/search';
import { usePermissions } from '../../lib/permissions';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useSearch } from '../dashboard/stats.api';
import { Highlighted } from './highlighted';

/** Where a hit leads: the proposal, the beneficiary's latest proposal, the organisation list, the document's proposal. */
function targetOf(hit: TSearchHit): string {
  if (hit.kind === 'organization') return `/organizations?q=${encodeURIComponent(hit.text)}`;
  if (hit.kind === 'beneficiary') return `/proposals?q=${encodeURIComponent(hit.text)}`;
  return `/proposals/${hit.proposalId}`;
}

/**
 * The header's search box: proposals, beneficiaries, organisations and document names within the
 * user's scope, without caring for Vietnamese marks, ranked by the server, matches highlighted.
 */
export default function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const result = useSearch(q);
  if (!can('stats.read')) return null;
  const hits = q.length >= 2 ? (result.data?.items ?? []) : [];
  const options = hits.map((hit, index) => ({
    value: `${index}`,
    label: (
      <div className="search-hit" data-testid="search-hit">
        <Tag>{t(`stats.kind_${hit.kind}`)}</Tag>
        <Highlighted text={hit.text} ranges={hit.highlights} />
        {hit.detail ? (
          <div className="muted" style={{ fontSize: 12 }}>
            <Highlighted text={hit.detail} ranges={hit.detailHighlights} />
          </div>
        ) : null}
      </div>
    ),
  }));
  return (
    <AutoComplete
      className="global-search"
      style={{ width: 360, maxWidth: '40vw' }}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(value: string) => {
        const hit = hits[Number(value)];
        setText('');
        if (hit) navigate(targetOf(hit));
      }}
      notFoundContent={q.length >= 2 && result.data ? t('stats.searchEmpty') : null}
    >
      <Input
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('stats.searchPlaceholder')}
        aria-label={t('stats.searchLabel')}
        allowClear
        onPressEnter={() => {
          if (text.trim()) navigate(`/proposals?q=${encodeURIComponent(text.trim())}`);
        }}
      />
    </AutoComplete>
  );
}
