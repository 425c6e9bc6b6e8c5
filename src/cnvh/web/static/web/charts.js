/* Draws the charts of the overview and the indicator pages. Data comes from <script type="application/json">
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

  /* One indicator: its values, targets and trajectory, in the unit shown in its table. */
  function indicatorOption(data, narrow) {
    var share = {
      years: data.years, share: data.values, ciLow: data.ciLow, ciHigh: data.ciHigh,
      trajectory: data.trajectory, targets: data.targets,
      labels: { share: data.labels.values, ci: data.labels.ci, trajectory: data.labels.trajectory,
        targets: data.labels.targets, axis: data.labels.axis }
    };
    var option = shareOption(share, narrow);
    var digits = data.digits;
    var suffix = data.unit === "%" ? "%" : "";
    option.tooltip = {
      trigger: "axis",
      valueFormatter: function (value) { return format(value, digits) + suffix; }
    };
    option.yAxis.min = null;
    option.yAxis.axisLabel.formatter = function (value) { return format(value, 0) + suffix; };
    option.series.forEach(function (series) {
      if (series.type === "scatter" && series.label) {
        series.label.formatter = function (p) { return format(p.value[1], digits) + suffix; };
      }
    });
    return option;
  }

  /* Wards: bubbles at their centres (longitude, latitude), area proportional to the value
   * (the server gives each diameter, so the legend below the map uses the same sizes);
   * over the official boundaries when they have been uploaded, else over the faint outline
   * of the centres. The largest wards carry their names. */
  function wardTooltip(data) {
    return function (p) {
      if (!p.value || p.value.length < 5) {
        return escape(p.seriesName || p.name);
      }
      return "<strong>" + escape(p.value[3]) + "</strong><br>" + escape(data.labels.values) +
        ": " + format(p.value[2], data.digits);
    };
  }

  function wardSeries(data, onMap) {
    return {
      name: data.labels.values, type: "scatter", data: data.points,
      coordinateSystem: onMap ? "geo" : "cartesian2d",
      symbolSize: function (value) { return value[5]; },
      itemStyle: { color: colours.bar, opacity: 0.6, borderColor: "#ffffff", borderWidth: 0.5 },
      label: {
        show: true, position: "right", fontSize: 11, color: "#1f2a33",
        backgroundColor: "rgba(255, 255, 255, 0.85)", padding: [1, 3], borderRadius: 2, opacity: 1,
        formatter: function (p) { return p.value[6]; }
      },
      labelLayout: { hideOverlap: true },
      emphasis: { itemStyle: { opacity: 0.9 } }
    };
  }

  function outlineSeries(data) {
    return {
      name: data.labels.outline, type: "line", data: data.outline, symbol: "none",
      silent: true, z: 1, lineStyle: { color: "#9aa4ad", width: 1, type: "dashed" }
    };
  }

  /* A degree of longitude is shorter than one of latitude away from the equator: keep
   * the city's true shape. */
  function wardHeight(data, width) {
    var lons = data.points.map(function (p) { return p[0]; });
    var lats = data.points.map(function (p) { return p[1]; });
    var lonSpan = Math.max.apply(null, lons) - Math.min.apply(null, lons) || 1;
    var latSpan = Math.max.apply(null, lats) - Math.min.apply(null, lats) || 1;
    var middle = (Math.max.apply(null, lats) + Math.min.apply(null, lats)) / 2;
    var ratio = latSpan / (lonSpan * Math.cos(middle * Math.PI / 180));
    return Math.round(Math.min(720, Math.max(280, width * ratio)));
  }

  function wardOption(data) {
    var lons = data.points.map(function (p) { return p[0]; });
    var lats = data.points.map(function (p) { return p[1]; });
    var pad = 0.02;
    return {
      animation: false,
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item", formatter: wardTooltip(data) },
      xAxis: {
        type: "value", name: data.labels.longitude, min: Math.min.apply(null, lons) - pad,
        max: Math.max.apply(null, lons) + pad, show: false
      },
      yAxis: {
        type: "value", name: data.labels.latitude, min: Math.min.apply(null, lats) - pad,
        max: Math.max.apply(null, lats) + pad, show: false
      },
      series: data.outline.length ? [outlineSeries(data), wardSeries(data, false)] :
        [wardSeries(data, false)]
    };
  }

  function wardMapOption(data) {
    return {
      animation: false,
      tooltip: { trigger: "item", formatter: wardTooltip(data) },
      geo: {
        map: "cnvh-wards", roam: true, aspectScale: 0.94,
        itemStyle: { areaColor: "#f5f6f8", borderColor: "#9aa4ad", borderWidth: 0.5 },
        emphasis: { itemStyle: { areaColor: "#e4e8ec" }, label: { show: false } },
        label: { show: false }
      },
      series: [wardSeries(data, true)]
    };
  }

  /* The road page: the estimated share, then the path under the assumptions and the path
   * at the required growth, with the plan's targets. */
  function roadOption(data, narrow) {
    var line = function (name, values, style, colour) {
      return {
        name: name, type: "line", data: values, symbol: "none", connectNulls: false,
        lineStyle: { type: style, width: 2.5, color: colour }, itemStyle: { color: colour }
      };
    };
    var series = [
      line(data.labels.share, data.share, "solid", colours.estimate),
      line(data.labels.path, data.path, "dashed", colours.trajectory),
      line(data.labels.required, data.required, "dotted", colours.target)
    ];
    series[0].symbol = "circle";
    series[0].symbolSize = 7;
    if (data.targets && data.targets.length) {
      series.push({
        name: data.labels.targets, type: "scatter", symbol: "diamond", symbolSize: 14,
        data: data.targets, itemStyle: { color: colours.target }
      });
    }
    return {
      grid: { left: narrow ? 40 : 56, right: 16, top: 24, bottom: 64 },
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return format(value, 2) + "%"; }
      },
      legend: { bottom: 0 },
      xAxis: { type: "category", data: data.years.map(String), boundaryGap: false },
      yAxis: {
        type: "value", name: data.labels.axis, min: 0,
        axisLabel: { formatter: function (value) { return format(value, 0) + "%"; } }
      },
      series: series
    };
  }

  var builders = {
    share: shareOption, sectors: sectorOption, indicator: indicatorOption, wards: wardOption,
    road: roadOption
  };

  function drawBoundaries(chart, data) {
    window.fetch(data.boundaries, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (geojson) {
        window.echarts.registerMap("cnvh-wards", geojson);
        chart.setOption(wardMapOption(data), true);
      })
      .catch(function () { /* the bubbles alone stay */ });
  }

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
    if (element.dataset.chart === "wards") {
      element.style.height = wardHeight(data, element.clientWidth) + "px";
    }
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(build(data, element.clientWidth < 560));
    if (element.dataset.chart === "wards" && data.boundaries && window.fetch) {
      drawBoundaries(chart, data);
    }
    return chart;
  }

  var charts = [];

  function drawIn(root) {
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = draw(element);
      if (chart) {
        charts.push(chart);
      }
    });
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    drawIn(document);
    window.addEventListener("resize", function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
    // A part of the page redrawn by htmx (the road's result) brings its own chart.
    document.body.addEventListener("htmx:afterSettle", function (event) {
      charts = charts.filter(function (chart) { return !chart.isDisposed() && document.body.contains(chart.getDom()); });
      drawIn(event.target);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
