// The dashboard's charts. ECharts (vendored under lib/echarts) is loaded with the first chart only. A click on a bar
// opens the list behind it: each data point carries its link.
let loading;

function loadECharts() {
    if (window.echarts) {
        return Promise.resolve(window.echarts);
    }

    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "lib/echarts/echarts.common.min.js";
        script.onload = () => resolve(window.echarts);
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return loading;
}

async function chartOn(element) {
    const echarts = await loadECharts();
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
    chart.off("click");
    chart.on("click", p => {
        if (p.data && p.data.link) {
            window.location.href = p.data.link;
        }
    });
    window.addEventListener("resize", () => chart.resize());
    return chart;
}

// data: { categories: [...], series: [{ name, points: [{ value, link }] }] }: bars stacked by series.
export async function stacked(element, data) {
    const chart = await chartOn(element);
    chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 48, bottom: 32 },
        xAxis: { type: "category", data: data.categories },
        yAxis: { type: "value" },
        series: data.series.map(s => ({ name: s.name, type: "bar", stack: "all", data: s.points, cursor: "pointer" })),
    }, true);
    element.dataset.rendered = String(data.series.length);
}

// data: { categories: [...], points: [{ value, link }], name }: one bar per category.
export async function bars(element, data) {
    const chart = await chartOn(element);
    chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        grid: { left: 48, right: 16, top: 16, bottom: 56 },
        xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.name, type: "bar", data: data.points, itemStyle: { color: "#cf1322" }, cursor: "pointer" }],
    }, true);
    element.dataset.rendered = String(data.points.length);
}

// data: { days: [...], counts: [...], name }: the daily line.
export async function line(element, data) {
    const chart = await chartOn(element);
    chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: "category", data: data.days, boundaryGap: false },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.name, type: "line", showSymbol: false, areaStyle: {}, data: data.counts }],
    }, true);
    element.dataset.rendered = String(data.counts.length);
}
