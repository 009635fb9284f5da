// The county dashboard's charts, drawn from the JSON the page embeds (ECharts is vendored, no CDN).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  if (!window.echarts) { return; }
  var townEl = document.getElementById("town-chart");
  var pick = document.getElementById("kpi-pick");
  var towns = echarts.init(townEl);
  function drawTowns() {
    var key = pick.value;
    towns.setOption({
      // richText: drawn on the canvas. The HTML tooltip writes style="…" markup, which the CSP blocks.
      tooltip: { trigger: "axis", renderMode: "richText" },
      grid: { left: 50, right: 20, top: 30, bottom: 60 },
      xAxis: { type: "category", data: data.towns, axisLabel: { rotate: data.towns.length > 8 ? 30 : 0 } },
      yAxis: { type: "value", name: data.kpi_labels[key] },
      series: [{ type: "bar", name: data.kpi_labels[key], data: data.kpis[key], itemStyle: { color: "#1565c0" },
                 label: { show: true, position: "top" } }]
    }, true);
  }
  pick.addEventListener("change", drawTowns);
  drawTowns();
  var trend = echarts.init(document.getElementById("trend-chart"));
  var series = data.volume.map(function (s) { return { type: "bar", stack: "n", name: s.name, data: s.data }; });
  series.push({ type: "line", name: pick.options[0] ? data.kpi_labels.on_time : "", yAxisIndex: 1, data: data.on_time });
  trend.setOption({
    tooltip: { trigger: "axis", renderMode: "richText" },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: "category", data: data.months },
    yAxis: [{ type: "value" }, { type: "value", max: 100 }],
    series: series
  });
  window.addEventListener("resize", function () { towns.resize(); trend.resize(); });
});
