// Draws the KPI breakdown chart from the JSON the page embeds (ECharts is vendored, no CDN).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("kpi-chart");
  var data = JSON.parse(document.getElementById("kpi-data").textContent);
  if (!el || !window.echarts || !data.labels.length) { if (el) el.style.display = "none"; return; }
  var chart = echarts.init(el);
  chart.setOption({
    // richText: drawn on the canvas. The HTML tooltip writes style="…" markup, which the CSP blocks.
    tooltip: { trigger: "axis", renderMode: "richText" },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    xAxis: { type: "category", data: data.labels, axisLabel: { rotate: data.labels.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", name: data.name },
    series: [{ type: "bar", name: data.name, data: data.values, itemStyle: { color: "#1565c0" },
               label: { show: true, position: "top" } }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
