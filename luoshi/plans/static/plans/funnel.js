// Draws the project funnel from the JSON the page embeds (ECharts is vendored, no CDN).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("funnel-chart");
  var source = document.getElementById("funnel-data");
  if (!el || !source) return;
  var data = JSON.parse(source.textContent);
  if (!window.echarts || !data.length) { el.remove(); return; }
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    // richText: drawn on the canvas. The HTML tooltip writes style="…" markup, which the CSP blocks.
    tooltip: { trigger: "item", renderMode: "richText" },
    series: [{ type: "funnel", sort: "none", left: "10%", width: "80%", gap: 2, minSize: "8%",
      label: { show: true, position: "inside", formatter: "{b}：{c}" },
      data: data.map(function (d) { return { name: d.label, value: d.reached }; }) }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
