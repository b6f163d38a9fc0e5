/**
 * ECharts, imported piecemeal from echarts/core: only line and bar charts and the components
 * they use end up in the bundle.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  data: (number | null)[];
}

export function Chart({ title, kind, categories, series, stacked, description }: { title: string; kind: 'line' | 'bar'; categories: string[]; series: Series[]; stacked?: boolean; description: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.data, connectNulls: false, ...(stacked ? { stack: 'all' } : {}), ...(kind === 'line' ? { symbolSize: 8 } : {}) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, kind, categories, series, stacked]);
  // The canvas is not readable by screen readers: the same numbers are in the tables below.
  return <div ref={el} className="chart" role="img" aria-label={`${title}：${description}`} />;
}
