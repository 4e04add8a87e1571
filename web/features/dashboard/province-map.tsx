import './stats.i18n';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TProvinceMode } from '../../../domain/schemas/stats';
import { formatVnd } from '../../lib/format';
import { proposalsLink, type TStatsFilter, useStats } from './stats.api';

const EChart = lazy(() => import('./echart'));

type TFeature = { properties: Record<string, unknown> };
type TGeo = { type: 'FeatureCollection'; features: TFeature[] };

/** The boundaries are static files fetched on demand (web/public/geo), never bundled. */
function useGeo(mode: TProvinceMode) {
  const file = mode === 'current' ? 'vn-provinces-34.geojson' : 'vn-provinces-63.geojson';
  return useQuery({
    queryKey: ['geo', file],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/geo/${file}`, { signal });
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return (await response.json()) as TGeo;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type TMetric = 'funding' | 'count';

/**
 * Choropleth of the figures by province: today's 34 units (every record re-aggregated through the
 * successor chain) or the 63 provinces of the time (records made under the old map). The Hoàng Sa and
 * Trường Sa archipelagos are drawn and labelled as island symbols of Đà Nẵng and Khánh Hòa. Hovering
 * shows the figures; a click opens the province's proposals.
 */
export function ProvinceMap({ filter }: { filter: TStatsFilter }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<TProvinceMode>('current');
  const [metric, setMetric] = useState<TMetric>('funding');
  const geo = useGeo(mode);
  const stats = useStats(filter, 'province', mode);
  const codeKey = mode === 'current' ? 'code' : 'gsoCode';

  const prepared = useMemo(() => {
    // Never the other mode's figures on this mode's map while the new ones load.
    if (!geo.data || !stats.data || stats.isPlaceholderData) return null;
    const byCode = new Map<string, (typeof stats.data.items)[number]>();
    let outside = 0;
    for (const item of stats.data.items) {
      if (mode === 'historical' && !item.formerUnit) {
        outside += item.count; // made under the 34-unit map: no place on the 63-province map
        continue;
      }
      byCode.set(item.key.split('@')[0]!, item);
    }
    const provinces = geo.data.features.filter((f) => !f.properties.archipelago);
    const data = provinces.map((f) => {
      const code = String(f.properties[codeKey]);
      const item = byCode.get(code);
      return {
        name: code,
        value: item ? item[metric] : 0,
        province: String(f.properties.name),
        count: item?.count ?? 0,
        funding: item?.funding ?? 0,
        approvedFunding: item?.approvedFunding ?? 0,
      };
    });
    const islands = geo.data.features
      .filter((f) => f.properties.archipelago)
      .map((f) => ({
        name: String(f.properties[codeKey]),
        value: null,
        province: `${f.properties.name} (${f.properties.partOf})`,
        label: {
          show: true,
          formatter: String(f.properties.name),
          fontSize: 10,
          color: '#333',
          position: 'right',
        },
        itemStyle: { areaColor: '#8c8c8c' },
        emphasis: { disabled: true },
        isIsland: true,
      }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return { data: [...data, ...islands], provinces: data.length, max, outside };
  }, [geo.data, stats.data, stats.isPlaceholderData, mode, metric, codeKey]);

  const mapName = `vn-${mode}`;
  const option = useMemo(
    () =>
      prepared
        ? {
            tooltip: {
              trigger: 'item',
              formatter: (p: {
                data?: { province: string; count: number; funding: number; isIsland?: boolean };
              }) =>
                !p.data
                  ? ''
                  : p.data.isIsland
                    ? p.data.province
                    : `<b>${p.data.province}</b><br/>${t('stats.count')}: ${p.data.count}<br/>${t('stats.funding')}: ${formatVnd(p.data.funding)}`,
            },
            visualMap: {
              min: 0,
              max: prepared.max,
              left: 8,
              bottom: 8,
              calculable: false,
              text: [t('stats.high'), t('stats.low')],
              inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9', '#002c8c'] },
              formatter: (v: number) =>
                metric === 'funding' ? `${Math.round(v / 1_000_000)} tr` : String(Math.round(v)),
            },
            series: [
              {
                type: 'map',
                map: mapName,
                nameProperty: codeKey,
                roam: true,
                aspectScale: 1,
                label: { show: false },
                emphasis: { label: { show: false }, itemStyle: { areaColor: '#faad14' } },
                itemStyle: { borderColor: '#fff', borderWidth: 0.5 },
                data: prepared.data,
              },
            ],
          }
        : null,
    [prepared, mapName, codeKey, metric, t],
  );

  return (
    <Card title={<h2 className="card-title">{t('stats.mapTitle')}</h2>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          aria-label={t('stats.mapMode')}
          value={mode}
          onChange={(v) => setMode(v as TProvinceMode)}
          options={[
            { value: 'current', label: t('stats.mapCurrent') },
            { value: 'historical', label: t('stats.mapHistorical') },
          ]}
        />
        <Segmented
          aria-label={t('stats.mapMetric')}
          value={metric}
          onChange={(v) => setMetric(v as TMetric)}
          options={[
            { value: 'funding', label: t('stats.funding') },
            { value: 'count', label: t('stats.count') },
          ]}
        />
      </Space>
      {geo.isError || stats.isError ? (
        <Alert type="error" showIcon title={t('stats.loadFailed')} />
      ) : !option || !prepared ? (
        <Spin />
      ) : (
        <div
          data-testid="province-map"
          data-mode={mode}
          data-provinces={prepared.provinces}
          data-coloured={prepared.data.filter((d) => typeof d.value === 'number').length}
          data-with-figures={prepared.data.filter((d) => typeof d.value === 'number' && d.value > 0).length}
        >
          <Suspense fallback={<Spin />}>
            <EChart
              option={option}
              height={560}
              map={geo.data ? { name: mapName, geoJson: geo.data } : undefined}
              ariaLabel={t('stats.mapAria', { count: prepared.provinces })}
              testId="province-map-canvas"
              onClick={(item) => {
                if (item.name === 'HS' || item.name === 'TS') return;
                navigate(proposalsLink(filter, { provinceCode: item.name, provinces: mode }));
              }}
            />
          </Suspense>
          {mode === 'historical' && prepared.outside > 0 ? (
            <Typography.Paragraph type="secondary">
              {t('stats.outsideOldMap', { count: prepared.outside })}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('stats.mapAttribution')}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
