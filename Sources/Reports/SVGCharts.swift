import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// The benchmark charts of the HTML report, as inline SVG: no script, no font or
/// library to fetch, so the page works from `file://` and in a CI artifact.
enum SVGCharts {
    /// The guide's figure (the region its predicate accepts, and its number)
    /// against the measured one with its interval, on one linear axis.
    static func figure(_ claim: BenchDocument.Claim) -> String? {
        guard let measured = claim.measured, claim.growth.isEmpty else { return nil }
        let lowEnd = claim.interval?.first ?? measured, highEnd = claim.interval?.last ?? measured
        let low = claim.accepted?.first.flatMap { $0 }
        let high = claim.accepted.flatMap { $0.count > 1 ? $0[1] : nil }
        let top = [highEnd, high ?? 0, low ?? 0, claim.reference ?? 0].max()! * 1.15
        let maximum = top > 0 ? top : 1
        let width = 560.0, left = 10.0, right = 540.0
        func x(_ value: Double) -> Double { left + (right - left) * min(max(value / maximum, 0), 1) }
        let interval = "\(format(measured)) [\(format(lowEnd)), \(format(highEnd))]"
        var parts = ["<svg class=\"chart figure-chart\" viewBox=\"0 0 \(Int(width)) 86\" width=\"\(Int(width))\" height=\"86\" role=\"img\" aria-labelledby=\"t-\(claim.benchmark)\">",
                     "<title id=\"t-\(claim.benchmark)\">\(esc(claim.benchmark)): guide \(esc(claim.guide)), measured \(interval)</title>",
                     "<line x1=\"\(left)\" y1=\"60\" x2=\"\(right)\" y2=\"60\" class=\"axis\"/>"]
        for tick in ticks(maximum) {
            parts.append("<line x1=\"\(x(tick))\" y1=\"60\" x2=\"\(x(tick))\" y2=\"64\" class=\"axis\"/><text x=\"\(x(tick))\" y=\"78\" class=\"tick\" text-anchor=\"middle\">\(format(tick))</text>")
        }
        if low != nil || high != nil {
            let start = x(low ?? 0), end = x(high ?? maximum)
            parts.append("<rect x=\"\(start)\" y=\"12\" width=\"\(max(1, end - start))\" height=\"40\" class=\"expected\"><title>the guide's claim accepts \(low.map(format) ?? "0")–\(high.map(format) ?? "∞")</title></rect>")
            parts.append("<text x=\"\(start + 3)\" y=\"24\" class=\"label\">guide: \(esc(claim.guide))</text>")
        }
        if let reference = claim.reference {
            parts.append("<line x1=\"\(x(reference))\" y1=\"10\" x2=\"\(x(reference))\" y2=\"56\" class=\"reference\"/>")
        }
        let measuredClass = claim.verdict.standing == .holds ? "measured ok" : "measured off"
        parts.append("<line x1=\"\(x(lowEnd))\" y1=\"40\" x2=\"\(x(highEnd))\" y2=\"40\" class=\"\(measuredClass)\"><title>95 % interval \(format(lowEnd))–\(format(highEnd))</title></line>")
        parts.append("<circle cx=\"\(x(measured))\" cy=\"40\" r=\"5\" class=\"\(measuredClass)\"><title>measured \(interval)</title></circle>")
        parts.append("<text x=\"\(min(x(measured) + 8, right - 90))\" y=\"52\" class=\"label\">measured \(format(measured))</text>")
        parts.append("</svg>")
        return parts.joined()
    }

    /// Cost against n on log–log axes, per condition: the medians (the empty
    /// call taken off) as points, and a line of the measured exponent through them.
    static func complexity(_ claim: BenchDocument.Claim) -> String? {
        let series = claim.growth.map { growth in
            (growth, zip(growth.sizes, growth.netCosts).compactMap { n, cost in cost.map { (Double(n), $0) } })
        }.filter { $0.1.count >= 2 }
        guard !series.isEmpty else { return nil }
        let points = series.flatMap(\.1)
        let lowN = points.map(\.0).min()!, highN = points.map(\.0).max()!
        let yLow = log10(points.map(\.1).min()!) - 0.3, yHigh = log10(points.map(\.1).max()!) + 0.3
        let xLow = log10(lowN) - 0.15, xHigh = log10(highN) + 0.15
        let width = 360.0, height = 220.0, left = 56.0, bottom = 190.0, top = 14.0, right = 346.0
        func x(_ n: Double) -> Double { left + (right - left) * (log10(n) - xLow) / max(xHigh - xLow, 1e-9) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (log10(v) - yLow) / max(yHigh - yLow, 1e-9) }
        let summary = series.map { growth, _ in
            (growth.condition.map { "\($0): " } ?? "") + (growth.exponent.map { String(format: "exponent %.2f [%.2f, %.2f]", $0.value, $0.low, $0.high) } ?? "no exponent")
        }.joined(separator: "; ")
        var parts = ["<svg class=\"chart complexity-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"t-\(claim.benchmark)\">",
                     "<title id=\"t-\(claim.benchmark)\">\(esc(claim.benchmark)): cost against n, log–log; \(esc(summary)); the guide says \(esc(claim.guide))</title>",
                     "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" class=\"axis\"/>",
                     "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" class=\"axis\"/>"]
        if Int(floor(xHigh)) >= Int(ceil(xLow)) {
            for decade in Int(ceil(xLow))...Int(floor(xHigh)) {
                let n = pow(10, Double(decade))
                parts.append("<line x1=\"\(x(n))\" y1=\"\(bottom)\" x2=\"\(x(n))\" y2=\"\(bottom + 4)\" class=\"axis\"/><text x=\"\(x(n))\" y=\"\(bottom + 16)\" class=\"tick\" text-anchor=\"middle\">10^\(decade)</text>")
            }
        }
        if Int(floor(yHigh)) >= Int(ceil(yLow)) {
            for decade in Int(ceil(yLow))...Int(floor(yHigh)) {
                let v = pow(10, Double(decade))
                parts.append("<line x1=\"\(left - 4)\" y1=\"\(y(v))\" x2=\"\(left)\" y2=\"\(y(v))\" class=\"axis\"/><text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" class=\"tick\" text-anchor=\"end\">1e\(decade)</text>")
            }
        }
        parts.append("<text x=\"\((left + right) / 2)\" y=\"\(height - 2)\" class=\"label\" text-anchor=\"middle\">n</text>")
        parts.append("<text x=\"12\" y=\"\((top + bottom) / 2)\" class=\"label\" transform=\"rotate(-90 12 \((top + bottom) / 2))\" text-anchor=\"middle\">\(esc(claim.unit ?? "value"))</text>")
        for (growth, points) in series {
            if let exponent = growth.exponent?.value {
                // The line of slope `exponent` through the points' centre of mass (log–log).
                let cx = points.map { log10($0.0) }.reduce(0, +) / Double(points.count)
                let cy = points.map { log10($0.1) }.reduce(0, +) / Double(points.count)
                let ends = [lowN, highN].map { n in (n, pow(10, cy + exponent * (log10(n) - cx))) }
                parts.append("<polyline points=\"\(ends.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " "))\" class=\"fit\"><title>\(esc(growth.condition ?? "")) exponent \(String(format: "%.2f", exponent))</title></polyline>")
            }
            for (n, value) in points {
                parts.append("<circle cx=\"\(x(n))\" cy=\"\(y(value))\" r=\"4\" class=\"point\"><title>\(esc(growth.condition.map { $0 + ", " } ?? ""))n = \(Int(n)): \(format(value))</title></circle>")
            }
        }
        parts.append("<text x=\"\(left + 8)\" y=\"\(top + 12)\" class=\"label\">\(esc(Self.shorten(summary, 60))) · guide: \(esc(claim.guide))</text>")
        parts.append("</svg>")
        return parts.joined()
    }

    private static func shorten(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    private static func ticks(_ maximum: Double) -> [Double] {
        let step = pow(10, floor(log10(maximum / 4)))
        let multiple = [1.0, 2, 5, 10].first { maximum / (step * $0) <= 6 } ?? 10
        return stride(from: 0, through: maximum, by: step * multiple).map { $0 }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(format: "%.0f", value) }
        return String(format: "%.3g", value)
    }

    static func esc(_ text: String) -> String { XML.escape(text) }
}
