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
    /// against the measured one with its spread, on one linear axis.
    static func figure(_ claim: BenchDocument.Claim) -> String? {
        guard let measured = claim.measured, claim.fit == nil else { return nil }
        let spread = claim.spread ?? 0
        let low = claim.range?.first.flatMap { $0 }
        let high = claim.range.flatMap { $0.count > 1 ? $0[1] : nil }
        let top = [measured + spread, high ?? 0, low ?? 0, claim.reference ?? 0].max()! * 1.15
        let maximum = top > 0 ? top : 1
        let width = 560.0, left = 10.0, right = 540.0
        func x(_ value: Double) -> Double { left + (right - left) * min(max(value / maximum, 0), 1) }
        var parts = ["<svg class=\"chart figure-chart\" viewBox=\"0 0 \(Int(width)) 86\" width=\"\(Int(width))\" height=\"86\" role=\"img\" aria-labelledby=\"t-\(claim.benchmark)\">",
                     "<title id=\"t-\(claim.benchmark)\">\(esc(claim.benchmark)): guide \(esc(claim.guide)), measured \(format(measured)) ± \(format(spread))</title>",
                     "<line x1=\"\(left)\" y1=\"60\" x2=\"\(right)\" y2=\"60\" class=\"axis\"/>"]
        for tick in ticks(maximum) {
            parts.append("<line x1=\"\(x(tick))\" y1=\"60\" x2=\"\(x(tick))\" y2=\"64\" class=\"axis\"/><text x=\"\(x(tick))\" y=\"78\" class=\"tick\" text-anchor=\"middle\">\(format(tick))</text>")
        }
        if let low {
            let end = x(high ?? maximum)
            parts.append("<rect x=\"\(x(low))\" y=\"12\" width=\"\(max(1, end - x(low)))\" height=\"40\" class=\"expected\"><title>the guide's claim accepts \(format(low))–\(high.map(format) ?? "∞")</title></rect>")
            parts.append("<text x=\"\(x(low) + 3)\" y=\"24\" class=\"label\">guide: \(esc(claim.guide))</text>")
        }
        if let reference = claim.reference {
            parts.append("<line x1=\"\(x(reference))\" y1=\"10\" x2=\"\(x(reference))\" y2=\"56\" class=\"reference\"/>")
        }
        let measuredClass = claim.verdict.standing == .holds ? "measured ok" : "measured off"
        parts.append("<line x1=\"\(x(measured - spread))\" y1=\"40\" x2=\"\(x(measured + spread))\" y2=\"40\" class=\"\(measuredClass)\"/>")
        parts.append("<circle cx=\"\(x(measured))\" cy=\"40\" r=\"5\" class=\"\(measuredClass)\"><title>measured \(format(measured)) ± \(format(spread))</title></circle>")
        parts.append("<text x=\"\(min(x(measured) + 8, right - 90))\" y=\"52\" class=\"label\">measured \(format(measured))</text>")
        parts.append("</svg>")
        return parts.joined()
    }

    /// Time (or bytes, or entries) against n on log–log axes, the measured medians
    /// as points and the fitted model as a curve.
    static func complexity(_ claim: BenchDocument.Claim) -> String? {
        guard let fit = claim.fit, fit.sizes.count == fit.medians.count, fit.sizes.count >= 2 else { return nil }
        let positive = fit.medians.filter { $0 > 0 }
        guard let smallest = positive.min(), let largest = positive.max() else { return nil }
        let model = ComplexityFit.Model(rawValue: fit.model)
        var curve: [(Double, Double)] = []
        let lowN = Double(fit.sizes.min()!), highN = Double(fit.sizes.max()!)
        if let model, let a = fit.intercept, let b = fit.slope {
            for step in 0...40 {
                let n = exp(log(lowN) + (log(highN) - log(lowN)) * Double(step) / 40)
                let value = a + b * model.apply(n)
                if value > 0 { curve.append((n, value)) }
            }
        }
        let ys = positive + curve.map(\.1)
        let yLow = log10(max(ys.min() ?? smallest, smallest / 10)) - 0.2
        let yHigh = log10(max(ys.max() ?? largest, largest)) + 0.2
        let xLow = log10(lowN) - 0.15, xHigh = log10(highN) + 0.15
        let width = 360.0, height = 220.0, left = 56.0, bottom = 190.0, top = 14.0, right = 346.0
        func x(_ n: Double) -> Double { left + (right - left) * (log10(n) - xLow) / (xHigh - xLow) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (log10(v) - yLow) / max(yHigh - yLow, 1e-9) }
        var parts = ["<svg class=\"chart complexity-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"t-\(claim.benchmark)\">",
                     "<title id=\"t-\(claim.benchmark)\">\(esc(claim.benchmark)): \(esc(fit.variant)) against n, log–log; best fit \(esc(fit.model)), the guide says \(esc(claim.guide))</title>",
                     "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" class=\"axis\"/>",
                     "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" class=\"axis\"/>"]
        for decade in Int(ceil(xLow))...Int(floor(xHigh)) {
            let n = pow(10, Double(decade))
            parts.append("<line x1=\"\(x(n))\" y1=\"\(bottom)\" x2=\"\(x(n))\" y2=\"\(bottom + 4)\" class=\"axis\"/><text x=\"\(x(n))\" y=\"\(bottom + 16)\" class=\"tick\" text-anchor=\"middle\">10^\(decade)</text>")
        }
        if Int(floor(yHigh)) >= Int(ceil(yLow)) {
            for decade in Int(ceil(yLow))...Int(floor(yHigh)) {
                let v = pow(10, Double(decade))
                parts.append("<line x1=\"\(left - 4)\" y1=\"\(y(v))\" x2=\"\(left)\" y2=\"\(y(v))\" class=\"axis\"/><text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" class=\"tick\" text-anchor=\"end\">1e\(decade)</text>")
            }
        }
        parts.append("<text x=\"\((left + right) / 2)\" y=\"\(height - 2)\" class=\"label\" text-anchor=\"middle\">n</text>")
        parts.append("<text x=\"12\" y=\"\((top + bottom) / 2)\" class=\"label\" transform=\"rotate(-90 12 \((top + bottom) / 2))\" text-anchor=\"middle\">\(esc(claim.unit ?? "value"))</text>")
        if curve.count > 1 {
            let path = curve.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            parts.append("<polyline points=\"\(path)\" class=\"fit\"><title>fitted \(esc(fit.model)): error \(String(format: "%.1f", fit.error * 100)) %</title></polyline>")
        }
        for (n, value) in zip(fit.sizes, fit.medians) where value > 0 {
            parts.append("<circle cx=\"\(x(Double(n)))\" cy=\"\(y(value))\" r=\"4\" class=\"point\"><title>n = \(n): \(format(value))</title></circle>")
        }
        parts.append("<text x=\"\(left + 8)\" y=\"\(top + 12)\" class=\"label\">fit: \(esc(fit.model)) (exponent \(String(format: "%.2f", fit.exponent))) · guide: \(esc(claim.guide))</text>")
        parts.append("</svg>")
        return parts.joined()
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
