/* Draws the overview's charts. Data comes from <script type="application/json">
 * blocks written by Django's json_script; the tables beside each chart carry the
 * same figures for people who cannot see the chart. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "vi";
  var colours = { estimate: "#a2262f", band: "#a2262f", trajectory: "#5a6570", target: "#d49a00", bar: "#a2262f" };

  function format(value, digits) {
    if (value === null || value === undefined) {
      return "—";
    }
    return new Intl.NumberFormat(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    }).format(value);
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[ch];
    });
  }

  function difference(high, low) {
    return high.map(function (value, index) {
      return value === null || low[index] === null ? null : value - low[index];
    });
  }

  function shareTooltip(data) {
    return function (params) {
      var index = params[0].dataIndex;
      var lines = ["<strong>" + escape(data.years[index]) + "</strong>"];
      function add(label, value) {
        if (value !== null && value !== undefined) {
          lines.push(escape(label) + ": " + format(value, 1) + "%");
        }
      }
      add(data.labels.share, data.share[index]);
      if (data.ciLow && data.ciLow[index] !== null) {
        lines.push(escape(data.labels.ci) + ": " + format(data.ciLow[index], 1) + "% – " +
          format(data.ciHigh[index], 1) + "%");
      }
      if (data.trajectory) {
        add(data.labels.trajectory, data.trajectory[index]);
      }
      return lines.join("<br>");
    };
  }

  function shareOption(data, narrow) {
    var series = [];
    if (data.ciLow) {
      series.push({
        type: "line", stack: "ci", data: data.ciLow, symbol: "none", silent: true,
        lineStyle: { opacity: 0 }, tooltip: { show: false }
      });
      series.push({
        name: data.labels.ci, type: "line", stack: "ci", symbol: "none", silent: true,
        data: difference(data.ciHigh, data.ciLow), lineStyle: { opacity: 0 },
        itemStyle: { color: colours.band, opacity: 0.3 },
        areaStyle: { color: colours.band, opacity: 0.15 }
      });
    }
    if (data.trajectory) {
      series.push({
        name: data.labels.trajectory, type: "line", data: data.trajectory, symbol: "none",
        connectNulls: true, lineStyle: { type: "dashed", color: colours.trajectory, width: 1.5 },
        itemStyle: { color: colours.trajectory }
      });
    }
    series.push({
      name: data.labels.share, type: "line", data: data.share, symbolSize: 7,
      lineStyle: { width: 3, color: colours.estimate }, itemStyle: { color: colours.estimate }
    });
    if (data.targets) {
      series.push({
        name: data.labels.targets, type: "scatter", data: data.targets, symbol: "diamond",
        symbolSize: 14, itemStyle: { color: colours.target },
        label: {
          show: true, position: "top", fontWeight: "bold",
          formatter: function (p) { return format(p.value[1], 0) + "%"; }
        }
      });
    }
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 40, bottom: narrow ? 84 : 40, containLabel: true },
      legend: { bottom: 0, data: series.filter(function (s) { return s.name; }).map(function (s) { return s.name; }) },
      tooltip: { trigger: "axis", formatter: shareTooltip(data) },
      xAxis: { type: "category", data: data.years, boundaryGap: false },
      yAxis: {
        type: "value", name: data.labels.axis, min: 0, nameTextStyle: { align: "left" },
        axisLabel: {
          formatter: function (value) {
            return format(value, Number.isInteger(value) ? 0 : 1) + "%";
          }
        }
      },
      series: series
    };
  }

  function sectorOption(data, narrow) {
    return {
      animation: false,
      title: {
        text: data.labels.values, left: 0, top: 0,
        textStyle: { fontSize: 12, fontWeight: "normal", color: "#5a6570" }
      },
      grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        valueFormatter: function (value) { return format(value, data.digits); }
      },
      xAxis: {
        type: "value",
        axisLabel: { formatter: function (value) { return format(value, 0); } }
      },
      yAxis: { type: "category", data: data.sectors, axisLabel: { width: narrow ? 110 : 200, overflow: "truncate" } },
      series: [{
        name: data.labels.values, type: "bar", data: data.values, itemStyle: { color: colours.bar },
        label: {
          show: true, position: "right",
          formatter: function (p) { return format(p.value, data.digits); }
        }
      }]
    };
  }

  var builders = { share: shareOption, sectors: sectorOption };

  function draw(element) {
    var source = document.getElementById(element.dataset.source);
    var build = builders[element.dataset.chart];
    if (!source || !build) {
      return null;
    }
    var data = JSON.parse(source.textContent);
    if (element.dataset.chart === "sectors") {
      element.style.height = Math.max(220, 28 * data.sectors.length + 80) + "px";
    }
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(build(data, element.clientWidth < 560));
    return chart;
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = draw(element);
      if (chart) {
        charts.push(chart);
      }
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
