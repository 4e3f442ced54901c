package io.racklet.rmc.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.message.PowerRequest;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerBudgetTest {
    final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    final List<String> answers = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final PowerBudget budget = new PowerBudget(clock,
            (r, granted, reason) -> answers.add(r.node() + (granted ? " granted" : " refused: " + reason)),
            (kind, message, cause) -> events.add(kind + " " + message));

    PowerRequest ask(String node) {
        return PowerRequest.of(node + "-" + clock.instant().toEpochMilli(), clock.instant(), node, 13, 5);
    }

    @Test
    void withoutABudgetEveryRequestIsGranted() {
        budget.request(ask("a"));
        budget.request(ask("b"));
        assertThat(answers).containsExactly("a granted", "b granted");
    }

    @Test
    void requestsAreGrantedInOrderOnlyWhileTheyFit() {
        budget.setBudget(25.0);
        budget.request(ask("a"));
        budget.request(ask("b"));
        budget.request(ask("c"));
        assertThat(answers).containsExactly("a granted");
        assertThat(budget.queued()).containsExactly("b", "c");
        assertThat(events).anyMatch(e -> e.startsWith("budget.queued node b waits"));

        clock.advance(PowerBudget.INRUSH); // a's inrush is over: only its boot power stays reserved
        budget.draw(5);
        budget.process();
        assertThat(answers).containsExactly("a granted", "b granted");
        assertThat(budget.headroom()).isEqualTo(25 - 5 - 5 - 13.0);
    }

    @Test
    void aSmallerLaterRequestDoesNotOvertake() {
        budget.setBudget(20.0);
        budget.request(ask("a"));
        budget.request(ask("b"));
        budget.request(PowerRequest.of("c-1", clock.instant(), "c", 1, 1));
        assertThat(answers).containsExactly("a granted");
        assertThat(budget.queued()).containsExactly("b", "c");
    }

    @Test
    void aNodeThatCanNeverFitIsRefused() {
        budget.setBudget(10.0);
        budget.request(ask("big"));
        assertThat(answers).singleElement().asString().startsWith("big refused: node big needs 13.0 W");
        assertThat(events).anyMatch(e -> e.startsWith("budget.refused"));
        assertThat(budget.queued()).isEmpty();
    }

    @Test
    void reservationsExpireOnceTelemetryCoversTheNode() {
        budget.setBudget(20.0);
        budget.request(ask("a"));
        budget.draw(0);
        clock.advance(PowerBudget.RESERVATION.plus(Duration.ofMillis(1)));
        budget.process();
        assertThat(budget.headroom()).isEqualTo(20.0);
    }

    @Test
    void askingAgainAfterTheGrantDoesNotReserveTwice() {
        budget.setBudget(20.0);
        budget.request(ask("a"));
        clock.advance(Duration.ofSeconds(1));
        budget.request(ask("a")); // its grant crossed the repeated request on the wire
        assertThat(answers).containsExactly("a granted", "a granted");
        assertThat(events).filteredOn(e -> e.startsWith("budget.granted")).hasSize(1);
        assertThat(budget.headroom()).isEqualTo(20 - 13.0);
    }

    @Test
    void askingAgainKeepsTheNodesPlaceInLine() {
        budget.setBudget(14.0);
        budget.request(ask("a"));
        budget.request(ask("b"));
        budget.request(ask("c"));
        clock.advance(Duration.ofSeconds(1));
        budget.request(ask("b")); // b's BMC asks again while it waits
        assertThat(budget.queued()).containsExactly("b", "c");
    }

    @Test
    void aRepeatedRequestFromTheSameNodeReplacesItsOlderOne() {
        budget.setBudget(14.0);
        budget.request(ask("a"));
        budget.request(ask("b"));
        clock.advance(Duration.ofSeconds(1));
        budget.request(ask("b"));
        assertThat(budget.queued()).containsExactly("b");
    }
}
