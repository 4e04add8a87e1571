import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws (bars and the province map) and the canvas renderer: this module is
// its own chunk, loaded after the dashboard's figures (quality.md P6).
echarts.use([BarChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type TChartOption = echarts.EChartsCoreOption;
export type TChartClick = { name: string; dataIndex: number; data: unknown };

const registered = new Set<string>();

/**
 * One ECharts instance in a div. `map` registers a GeoJSON once under its name (fetched by the
 * caller); `onClick` receives the clicked item (bar or province) for the drill-down.
 */
export default function EChart({
  option,
  height = 320,
  map,
  onClick,
  ariaLabel,
  testId,
}: {
  option: TChartOption;
  height?: number;
  map?: { name: string; geoJson: unknown } | undefined;
  onClick?: ((item: TChartClick) => void) | undefined;
  ariaLabel: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as unknown as TChartClick;
      clickRef.current?.({ name: p.name, dataIndex: p.dataIndex, data: p.data });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (map && !registered.has(map.name)) {
      echarts.registerMap(map.name, map.geoJson as never);
      registered.add(map.name);
    }
    chart.current?.setOption(option, { notMerge: true });
    ref.current?.setAttribute('data-rendered', 'true');
  }, [option, map]);

  return (
    <div ref={ref} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />
  );
}
