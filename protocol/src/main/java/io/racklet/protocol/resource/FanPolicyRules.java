package io.racklet.protocol.resource;

import java.util.ArrayList;
import java.util.List;

/** What the schema cannot say about a fan policy: orderings between its numbers. */
final class FanPolicyRules {
    private FanPolicyRules() {}

    static List<SpecProblem> check(FanPolicyResource f, SpecLoader.Located doc) {
        List<SpecProblem> out = new ArrayList<>();
        var s = f.spec();
        if (s.rpm() != null && s.rpm().min() >= s.rpm().max()) {
            out.add(doc.problem("/spec/rpm/min", "rpm.min must be below rpm.max"));
        }
        if (s.curve() != null) {
            for (int i = 1; i < s.curve().size(); i++) {
                if (s.curve().get(i).celsius() <= s.curve().get(i - 1).celsius()) {
                    out.add(doc.problem("/spec/curve/" + i + "/celsius", "curve points must rise in temperature"));
                }
            }
        }
        if (s.thermal() != null) {
            var t = s.thermal();
            if (!(t.warnCelsius() < t.criticalCelsius() && t.criticalCelsius() < t.shutdownCelsius())) {
                out.add(doc.problem("/spec/thermal", "thermal thresholds must rise: warn < critical < shutdown"));
            }
        }
        return out;
    }
}
