// The campaign page's burn-up chart. ECharts (vendored under lib/echarts) is loaded on the first chart only,
// so other pages do not fetch it.
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

// data: { days: [...], series: [{ name, counts: [...] }], plan: { name, counts }, total }
export async function burnUp(element, data) {
    const echarts = await loadECharts();
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
    const lines = data.series.map(s => ({ name: s.name, type: "line", showSymbol: false, data: s.counts }));
    lines.push({ name: data.plan.name, type: "line", showSymbol: false, data: data.plan.counts, lineStyle: { type: "dashed", color: "#999" }, itemStyle: { color: "#999" } });
    chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 48, right: 24, top: 36, bottom: 32 },
        xAxis: { type: "category", data: data.days, boundaryGap: false },
        yAxis: { type: "value", max: data.total > 0 ? data.total : null },
        series: lines,
    }, true);
    element.dataset.rendered = String(data.series.length);
    // Each stage's latest count, as drawn: what a test (or a reader of the page's source) can check against the figures.
    element.dataset.latest = data.series.map(s => s.counts.at(-1) ?? 0).join(",");
    window.addEventListener("resize", () => chart.resize());
}
